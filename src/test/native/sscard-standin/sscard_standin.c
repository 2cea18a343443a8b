/*
 * PinDesk's stand-in of the national social security card read/write interface
 * (社会保障卡读写卡通用接口): a real shared library exporting the interface's functions, built by the
 * tests with the system compiler and loaded by PinDesk's device host exactly like a vendor's
 * SSCard.dll / libSSCard.so. It is PinDesk's own code, written from the function list and output
 * formats public integrations show; it talks PC/SC (libpcsclite) to PinDesk's virtual training
 * card in the reader "Virtual PCD 00 00" through the real pcscd and vpcd.
 *
 * What a test controls (environment of the process that loads the library):
 *   SSCARD_STANDIN_READER       PC/SC reader name (default "Virtual PCD 00 00")
 *   SSCARD_STANDIN_KEYPAD       file standing for the reader's keypad: each line is one PIN entry,
 *                               consumed (removed) when read; a line CANCEL is the cancel key
 *   SSCARD_STANDIN_KEYPAD_MS    how long the keypad waits for an entry (default 3000)
 *   SSCARD_STANDIN_PSAM_READER  reader holding a PSAM for iReloadPIN (none: -2201, no PSAM)
 *   SSCARD_STANDIN_CONTROL      file read at every call, lines "<function> fail <code> [out]",
 *                               "<function> hang", "<function> crash" to force a behaviour
 *
 * Functions: iReadCardBas, iVerifyPIN, iChangePIN, iReloadPIN (the PSAM path, with a PSAM in a
 * second reader), iUnblockPIN (no PSAM path: -2201), iReloadPIN_HSM_Step1/2/3,
 * iUnblockPIN_HSM_Step1/2/3.
 *
 * Return codes: 0 success; the negative codes below are this stand-in's own (a vendor has its own
 * table: PinDesk reads it from a file), except -2201 (no PSAM), a code public integrations show.
 * The PIN entered on the keypad never leaves the library except where the interface itself puts
 * it (iReloadPIN_HSM_Step2's output), and every buffer that held one is wiped.
 */
#define _GNU_SOURCE
#include <PCSC/winscard.h>
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RC_NO_CARD (-1)
#define RC_PCSC (-2)
#define RC_CARD (-3)
#define RC_PIN_WRONG (-11)
#define RC_PIN_BLOCKED (-12)
#define RC_APP_LOCKED (-13)
#define RC_KEYPAD_CANCEL (-21)
#define RC_KEYPAD_TIMEOUT (-22)
#define RC_PIN_MISMATCH (-23)
#define RC_BAD_PIN_FORMAT (-24000)
#define RC_AUTH_FAILED (-31)
#define RC_MAC_WRONG (-32)
#define RC_KEY_BLOCKED (-33)
#define RC_SECURITY (-34)
#define RC_CASE_MISMATCH (-41)
#define RC_ARGUMENT (-42)
#define RC_NO_PSAM (-2201)

#define MAX_PIN 12

static SCARDCONTEXT context;
static SCARDHANDLE card;
static DWORD protocol;
static int connected;
static unsigned char atr[40];
static DWORD atr_len;
static int algorithm = 3;

static void wipe(void *p, size_t n) { explicit_bzero(p, n); }

static const char *env_or(const char *name, const char *fallback) {
  const char *v = getenv(name);
  return v != NULL && *v != '\0' ? v : fallback;
}

/* The card key address the interface reports (the training profile's key 1). */
static const char *key_address(void) { return env_or("SSCARD_STANDIN_KEY_ADDRESS", "01"); }

/* A forced behaviour for `function` from the control file: 0 none, else 1 with *rc / out set. */
static int forced(const char *function, int *rc, char *out) {
  const char *path = getenv("SSCARD_STANDIN_CONTROL");
  if (path == NULL) {
    return 0;
  }
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    return 0;
  }
  char line[512];
  int hit = 0;
  while (!hit && fgets(line, sizeof line, f) != NULL) {
    line[strcspn(line, "\r\n")] = '\0';
    char name[64], verb[16];
    int n = 0;
    if (sscanf(line, "%63s %15s %n", name, verb, &n) < 2 || strcmp(name, function) != 0) {
      continue;
    }
    if (strcmp(verb, "hang") == 0) {
      fclose(f);
      for (;;) {
        pause();
      }
    }
    if (strcmp(verb, "crash") == 0) {
      fclose(f);
      raise(SIGSEGV);
    }
    if (strcmp(verb, "fail") == 0) {
      int consumed = 0;
      if (sscanf(line + n, "%d %n", rc, &consumed) >= 1) {
        strcpy(out, line + n + consumed);
        hit = 1;
      }
    }
  }
  fclose(f);
  return hit;
}

static void hex(char *dst, const unsigned char *src, size_t n) {
  static const char digits[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    dst[2 * i] = digits[src[i] >> 4];
    dst[2 * i + 1] = digits[src[i] & 0x0F];
  }
  dst[2 * n] = '\0';
}

static int unhex(unsigned char *dst, size_t max, const char *src) {
  size_t n = strlen(src);
  if (n % 2 != 0 || n / 2 > max) {
    return -1;
  }
  for (size_t i = 0; i < n / 2; i++) {
    unsigned int b;
    if (!isxdigit((unsigned char)src[2 * i]) || !isxdigit((unsigned char)src[2 * i + 1]) ||
        sscanf(src + 2 * i, "%2x", &b) != 1) {
      return -1;
    }
    dst[i] = (unsigned char)b;
  }
  return (int)(n / 2);
}

static void disconnect(void) {
  if (connected) {
    SCardDisconnect(card, SCARD_LEAVE_CARD);
    connected = 0;
  }
}

/* A fresh connection to the card: every operation but Step2/Step3 starts with one. */
static int connect_card(void) {
  disconnect();
  if (context == 0 && SCardEstablishContext(SCARD_SCOPE_SYSTEM, NULL, NULL, &context) !=
                          SCARD_S_SUCCESS) {
    context = 0;
    return RC_PCSC;
  }
  LONG r = SCardConnect(context, env_or("SSCARD_STANDIN_READER", "Virtual PCD 00 00"),
                        SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card,
                        &protocol);
  if (r == SCARD_E_NO_SERVICE || r == SCARD_E_INVALID_HANDLE) {
    SCardReleaseContext(context);
    context = 0;
    return RC_PCSC;
  }
  if (r != SCARD_S_SUCCESS) {
    return r == SCARD_E_UNKNOWN_READER || r == SCARD_E_READER_UNAVAILABLE ? RC_PCSC : RC_NO_CARD;
  }
  connected = 1;
  char name[256];
  DWORD name_len = sizeof name, state, proto;
  atr_len = sizeof atr;
  if (SCardStatus(card, name, &name_len, &state, &proto, atr, &atr_len) != SCARD_S_SUCCESS) {
    atr_len = 0;
  }
  return 0;
}

/* One APDU on `h`; returns the status word (0 on a transport failure), data in resp/resp_len. */
static int transmit_on(SCARDHANDLE h, DWORD proto, const unsigned char *cmd, size_t cmd_len,
                       unsigned char *resp, size_t *resp_len) {
  unsigned char buf[264];
  DWORD len = sizeof buf;
  const SCARD_IO_REQUEST *pci = proto == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
  if (SCardTransmit(h, pci, cmd, cmd_len, NULL, buf, &len) != SCARD_S_SUCCESS || len < 2) {
    wipe(buf, sizeof buf);
    return 0;
  }
  int sw = (buf[len - 2] << 8) | buf[len - 1];
  if ((sw & 0xFF00) == 0x6100) {
    unsigned char get[5] = {0x00, 0xC0, 0x00, 0x00, (unsigned char)(sw & 0xFF)};
    wipe(buf, sizeof buf);
    return transmit_on(h, proto, get, sizeof get, resp, resp_len);
  }
  if ((sw & 0xFF00) == 0x6C00 && cmd_len >= 5) {
    unsigned char again[264];
    memcpy(again, cmd, cmd_len);
    again[cmd_len - 1] = (unsigned char)(sw & 0xFF);
    wipe(buf, sizeof buf);
    int r = transmit_on(h, proto, again, cmd_len, resp, resp_len);
    wipe(again, sizeof again);
    return r;
  }
  size_t n = len - 2;
  if (resp != NULL) {
    if (n > *resp_len) {
      n = *resp_len;
    }
    memcpy(resp, buf, n);
    *resp_len = n;
  }
  wipe(buf, sizeof buf);
  return sw;
}

/* One APDU to the citizen's card. */
static int transmit(const unsigned char *cmd, size_t cmd_len, unsigned char *resp,
                    size_t *resp_len) {
  return connected ? transmit_on(card, protocol, cmd, cmd_len, resp, resp_len) : 0;
}

static int card_error(int sw) {
  if (sw == 0) {
    return RC_NO_CARD;
  }
  if ((sw & 0xFFF0) == 0x63C0) {
    return RC_PIN_WRONG;
  }
  switch (sw) {
    case 0x6983:
      return RC_PIN_BLOCKED;
    case 0x9303:
      return RC_APP_LOCKED;
    case 0x6982:
      return RC_SECURITY;
    case 0x6988:
      return RC_MAC_WRONG;
    default:
      return RC_CARD;
  }
}

/* SELECT of the SSSE application ("sx1.sh." + GBK 社会保障); remembers the FCI's algorithm. */
static int select_ssse(void) {
  static const unsigned char select[] = {0x00, 0xA4, 0x04, 0x00, 0x0F, 0x73, 0x78, 0x31,
                                         0x2E, 0x73, 0x68, 0x2E, 0xC9, 0xE7, 0xBB, 0xE1,
                                         0xB1, 0xA3, 0xD5, 0xCF, 0x00};
  unsigned char fci[256];
  size_t n = sizeof fci;
  int sw = transmit(select, sizeof select, fci, &n);
  if (sw != 0x9000) {
    return card_error(sw);
  }
  for (size_t i = 0; i + 2 < n; i++) {
    if (fci[i] == 0x86 && fci[i + 1] == 0x01) {
      algorithm = fci[i + 2];
    }
  }
  return 0;
}

static int select_ef(unsigned char ef) {
  unsigned char cmd[] = {0x00, 0xA4, 0x02, 0x00, 0x02, 0xEF, ef};
  int sw = transmit(cmd, sizeof cmd, NULL, NULL);
  return sw == 0x9000 ? 0 : card_error(sw);
}

/* READ RECORD of one data element: its value, or -1 when the card has none (6A 83). */
static int read_element(unsigned char tag, unsigned char *value, size_t max, int *rc) {
  unsigned char cmd[] = {0x00, 0xB2, tag, 0x00, 0x00};
  unsigned char resp[256];
  size_t n = sizeof resp;
  int sw = transmit(cmd, sizeof cmd, resp, &n);
  if (sw == 0x6A83) {
    return -1;
  }
  if (sw != 0x9000 || n < 2 || resp[0] != tag || resp[1] + 2u > n || resp[1] > max) {
    *rc = sw == 0x9000 ? RC_CARD : card_error(sw);
    return -1;
  }
  memcpy(value, resp + 2, resp[1]);
  return resp[1];
}

/* Text element: stops at the first padding byte (00 or 20 at the end). */
static int read_text(unsigned char tag, char *out, size_t max, int *rc) {
  unsigned char v[128];
  int n = read_element(tag, v, sizeof v, rc);
  if (n < 0) {
    out[0] = '\0';
    return *rc != 0 ? -1 : 0;
  }
  while (n > 0 && (v[n - 1] == 0x00 || v[n - 1] == 0x20)) {
    n--;
  }
  if ((size_t)n >= max) {
    n = (int)max - 1;
  }
  memcpy(out, v, n);
  out[n] = '\0';
  return n;
}

static int read_bcd_date(unsigned char tag, char *out, int *rc) {
  unsigned char v[4];
  if (read_element(tag, v, sizeof v, rc) != 4) {
    if (*rc == 0) {
      *rc = RC_CARD;
    }
    return -1;
  }
  hex(out, v, 4);
  return 0;
}

/* The ATR's historical bytes ("card reset information" as the interface prints it). */
static void historical_bytes(char *out) {
  out[0] = '\0';
  if (atr_len < 2) {
    return;
  }
  int k = atr[1] & 0x0F;
  size_t i = 1;
  unsigned char td = atr[1];
  for (;;) {
    int present = td >> 4;
    i += ((present & 1) != 0) + ((present & 2) != 0) + ((present & 4) != 0);
    if ((present & 8) == 0) {
      break;
    }
    i++;
    if (i >= atr_len) {
      return;
    }
    td = atr[i];
  }
  i++;
  if (i + k > atr_len) {
    return;
  }
  hex(out, atr + i, k);
}

/*
 * The keypad: waits up to SSCARD_STANDIN_KEYPAD_MS for a line in the keypad file, takes it out of
 * the file (a key press is consumed) and returns its digits. 0 ok, RC_KEYPAD_CANCEL,
 * RC_KEYPAD_TIMEOUT.
 */
static int keypad(char *digits, size_t max) {
  const char *path = getenv("SSCARD_STANDIN_KEYPAD");
  long wait_ms = atol(env_or("SSCARD_STANDIN_KEYPAD_MS", "3000"));
  struct timespec step = {0, 50 * 1000 * 1000};
  for (long waited = 0; path != NULL && waited <= wait_ms; waited += 50) {
    FILE *f = fopen(path, "r");
    char all[1024];
    size_t n = 0;
    if (f != NULL) {
      n = fread(all, 1, sizeof all - 1, f);
      fclose(f);
    }
    all[n] = '\0';
    char *end = strchr(all, '\n');
    if (end != NULL) {
      *end = '\0';
      f = fopen(path, "w");
      if (f != NULL) {
        fputs(end + 1, f);
        fclose(f);
      }
      int rc = 0;
      if (strcmp(all, "CANCEL") == 0) {
        rc = RC_KEYPAD_CANCEL;
      } else if (strlen(all) >= max || strspn(all, "0123456789") != strlen(all) ||
                 strlen(all) < 4) {
        rc = RC_BAD_PIN_FORMAT;
      } else {
        strcpy(digits, all);
      }
      wipe(all, sizeof all);
      return rc;
    }
    wipe(all, sizeof all);
    nanosleep(&step, NULL);
  }
  return RC_KEYPAD_TIMEOUT;
}

/* BCD digits padded with F; returns the block length. */
static size_t pin_block(const char *digits, unsigned char *block) {
  size_t n = strlen(digits);
  size_t len = (n + 1) / 2;
  for (size_t i = 0; i < len; i++) {
    int hi = digits[2 * i] - '0';
    int lo = 2 * i + 1 < n ? digits[2 * i + 1] - '0' : 0x0F;
    block[i] = (unsigned char)((hi << 4) | lo);
  }
  return len;
}

/* Writes "<tries>|" for a 63 Cx answer. */
static int tries_error(int sw, int rc, char *out) {
  if ((sw & 0xFFF0) == 0x63C0) {
    sprintf(out, "%d|", sw & 0x0F);
  }
  return rc;
}

static int read_basic(char *out) {
  int rc = connect_card();
  if (rc == 0) {
    rc = select_ssse();
  }
  char id[33] = "", version[8] = "", issue[9] = "", expiry[9] = "", number[16] = "";
  char ssn[32] = "", name[128] = "", ext[64] = "", hist[64] = "";
  unsigned char code[16];
  if (rc == 0) {
    rc = select_ef(0x05);
  }
  if (rc == 0) {
    if (read_element(0x01, code, sizeof code, &rc) == 16) {
      hex(id, code, 16);
    } else if (rc == 0) {
      rc = RC_CARD;
    }
  }
  if (rc == 0 && read_text(0x03, version, sizeof version, &rc) >= 0 &&
      read_bcd_date(0x05, issue, &rc) == 0 && read_bcd_date(0x06, expiry, &rc) == 0) {
    read_text(0x07, number, sizeof number, &rc);
  }
  if (rc == 0) {
    rc = select_ef(0x06);
  }
  if (rc == 0 && read_text(0x08, ssn, sizeof ssn, &rc) >= 0 &&
      read_text(0x09, name, sizeof name, &rc) >= 0) {
    read_text(0x4E, ext, sizeof ext, &rc);
  }
  if (rc != 0) {
    return rc;
  }
  strncat(name, ext, sizeof name - strlen(name) - 1);
  historical_bytes(hist);
  char region[7];
  memcpy(region, id, 6);
  region[6] = '\0';
  sprintf(out, "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|", region, ssn, number, id, name, hist, version,
          issue, expiry, env_or("SSCARD_STANDIN_TERMINAL", "PDTERM01"),
          env_or("SSCARD_STANDIN_DEVICE", "VPCD0000"));
  return 0;
}

int iReadCardBas(int iType, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  if (forced("iReadCardBas", &rc, pOutInfo)) {
    return rc;
  }
  (void)iType;
  return read_basic(pOutInfo);
}

int iVerifyPIN(int iType, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  (void)iType;
  if (forced("iVerifyPIN", &rc, pOutInfo)) {
    return rc;
  }
  if ((rc = connect_card()) != 0 || (rc = select_ssse()) != 0) {
    return rc;
  }
  char digits[MAX_PIN + 1];
  unsigned char cmd[5 + MAX_PIN];
  if ((rc = keypad(digits, sizeof digits)) != 0) {
    return rc;
  }
  size_t n = pin_block(digits, cmd + 5);
  cmd[0] = 0x00;
  cmd[1] = 0x20;
  cmd[2] = 0x00;
  cmd[3] = 0x00;
  cmd[4] = (unsigned char)n;
  int sw = transmit(cmd, 5 + n, NULL, NULL);
  wipe(digits, sizeof digits);
  wipe(cmd, sizeof cmd);
  return sw == 0x9000 ? 0 : tries_error(sw, card_error(sw), pOutInfo);
}

int iChangePIN(int iType, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  (void)iType;
  if (forced("iChangePIN", &rc, pOutInfo)) {
    return rc;
  }
  if ((rc = connect_card()) != 0 || (rc = select_ssse()) != 0) {
    return rc;
  }
  char old_pin[MAX_PIN + 1] = "", new_pin[MAX_PIN + 1] = "", again[MAX_PIN + 1] = "";
  unsigned char cmd[5 + 2 * MAX_PIN + 1];
  int sw = -1;
  if ((rc = keypad(old_pin, sizeof old_pin)) == 0 && (rc = keypad(new_pin, sizeof new_pin)) == 0 &&
      (rc = keypad(again, sizeof again)) == 0) {
    if (strcmp(new_pin, again) != 0) {
      rc = RC_PIN_MISMATCH;
    } else {
      size_t a = pin_block(old_pin, cmd + 5);
      cmd[5 + a] = 0xFF;
      size_t b = pin_block(new_pin, cmd + 6 + a);
      cmd[0] = 0x80;
      cmd[1] = 0x5E;
      cmd[2] = 0x01;
      cmd[3] = 0x00;
      cmd[4] = (unsigned char)(a + 1 + b);
      sw = transmit(cmd, 6 + a + b, NULL, NULL);
      rc = sw == 0x9000 ? 0 : tries_error(sw, card_error(sw), pOutInfo);
    }
  }
  wipe(old_pin, sizeof old_pin);
  wipe(new_pin, sizeof new_pin);
  wipe(again, sizeof again);
  wipe(cmd, sizeof cmd);
  return rc;
}

/*
 * The PSAM path. With SSCARD_STANDIN_PSAM_READER naming a reader that holds a PSAM, the reader
 * computes the keys itself with PinDesk's generic PBOC-style PSAM profile (SELECT 1001, INIT FOR
 * DESCRYPT 80 1A with the card identification code, DESCRYPT / MAC 80 FA; SM4 key usages 47
 * external authentication, 48 reset); without one it answers -2201 (no PSAM), a code public
 * integrations show, which tells PinDesk to use the HSM path.
 */
#define RC_PSAM_LOCKED (-2204)
#define RC_NO_KEY (-2203)

static int psam_error(int sw) {
  switch (sw) {
    case 0:
      return RC_NO_PSAM;
    case 0x6A88:
      return RC_NO_KEY;
    case 0x6983:
    case 0x6A81:
    case 0x9303:
      return RC_PSAM_LOCKED;
    default:
      return RC_NO_PSAM;
  }
}

/* SELECT 1001 and INIT FOR DESCRYPT with key usage p1 on the PSAM. */
static int psam_init(SCARDHANDLE h, DWORD proto, unsigned char usage, const unsigned char *code) {
  static const unsigned char select[] = {0x00, 0xA4, 0x00, 0x00, 0x02, 0x10, 0x01};
  int sw = transmit_on(h, proto, select, sizeof select, NULL, NULL);
  if (sw != 0x9000) {
    return psam_error(sw);
  }
  unsigned char init[5 + 16] = {0x80, 0x1A, usage, (unsigned char)atoi(key_address()), 0x10};
  memcpy(init + 5, code, 16);
  sw = transmit_on(h, proto, init, sizeof init, NULL, NULL);
  return sw == 0x9000 ? 0 : psam_error(sw);
}

/* DESCRYPT (80 FA 00 00): ECB of one 16-byte field under the initialised key. */
static int psam_encipher(SCARDHANDLE h, DWORD proto, const unsigned char *field,
                         unsigned char *out) {
  unsigned char cmd[5 + 16] = {0x80, 0xFA, 0x00, 0x00, 0x10};
  memcpy(cmd + 5, field, 16);
  size_t n = 16;
  int sw = transmit_on(h, proto, cmd, sizeof cmd, out, &n);
  wipe(cmd, sizeof cmd);
  return sw == 0x9000 && n == 16 ? 0 : psam_error(sw);
}

static int get_challenge_bytes(unsigned char *random) {
  static const unsigned char cmd[] = {0x00, 0x84, 0x00, 0x00, 0x08};
  size_t n = 8;
  int sw = transmit(cmd, sizeof cmd, random, &n);
  return sw == 0x9000 && n == 8 ? 0 : (sw == 0x9000 ? RC_CARD : card_error(sw));
}

/* The card of the case is in the reader: its identification code (16 bytes) and number match. */
static int check_case(const char *pCardInfo, unsigned char *code) {
  int rc;
  char id[33] = "", number[16] = "", expected[128];
  if ((rc = connect_card()) != 0 || (rc = select_ssse()) != 0 || (rc = select_ef(0x05)) != 0) {
    return rc;
  }
  if (read_element(0x01, code, 16, &rc) != 16) {
    return rc != 0 ? rc : RC_CARD;
  }
  hex(id, code, 16);
  if (read_text(0x07, number, sizeof number, &rc) < 0) {
    return rc;
  }
  snprintf(expected, sizeof expected, "%s|%s|", id, number);
  return strcasecmp(expected, pCardInfo) == 0 ? 0 : RC_CASE_MISMATCH;
}

static int psam_reload(SCARDHANDLE h, DWORD proto, const char *pCardInfo) {
  unsigned char code[16], random[8], field[16], cryptogram[16], block[16], mac_in[48], mac[16];
  char first[MAX_PIN + 1] = "", second[MAX_PIN + 1] = "";
  int rc = check_case(pCardInfo, code);
  if (rc == 0) {
    rc = get_challenge_bytes(random);
  }
  if (rc == 0 && (rc = psam_init(h, proto, 0x47, code)) == 0) {
    memset(field, 0, sizeof field);
    memcpy(field, random, 8);
    field[8] = 0x80;
    rc = psam_encipher(h, proto, field, cryptogram);
  }
  if (rc == 0) {
    unsigned char cmd[5 + 16] = {0x00, 0x82, 0x00, (unsigned char)atoi(key_address()), 0x10};
    memcpy(cmd + 5, cryptogram, 16);
    int sw = transmit(cmd, sizeof cmd, NULL, NULL);
    rc = sw == 0x9000 ? 0 : (sw == 0x6983 ? RC_KEY_BLOCKED : RC_AUTH_FAILED);
  }
  if (rc == 0 && (rc = keypad(first, sizeof first)) == 0 &&
      (rc = keypad(second, sizeof second)) == 0 && strcmp(first, second) != 0) {
    rc = RC_PIN_MISMATCH;
  }
  if (rc == 0 && (rc = psam_init(h, proto, 0x48, code)) == 0) {
    memset(field, 0, sizeof field);
    field[0] = (unsigned char)strlen(first);
    size_t n = pin_block(first, field + 1);
    field[1 + n] = 0x80;
    rc = psam_encipher(h, proto, field, block);
  }
  if (rc == 0) {
    rc = get_challenge_bytes(random);
  }
  if (rc == 0 && (rc = psam_init(h, proto, 0x48, code)) == 0) {
    /* the card's challenge zero-filled to the block, then header + block padded (80 00..) */
    static const unsigned char header[5] = {0x84, 0x24, 0x00, 0x01, 0x14};
    memset(mac_in, 0, sizeof mac_in);
    memcpy(mac_in, random, 8);
    memcpy(mac_in + 16, header, 5);
    memcpy(mac_in + 21, block, 16);
    mac_in[37] = 0x80;
    unsigned char cmd[5 + 48] = {0x80, 0xFA, 0x05, 0x00, 48};
    memcpy(cmd + 5, mac_in, 48);
    size_t n = sizeof mac;
    int sw = transmit_on(h, proto, cmd, sizeof cmd, mac, &n);
    wipe(cmd, sizeof cmd);
    rc = sw == 0x9000 && n >= 4 ? 0 : psam_error(sw);
  }
  if (rc == 0) {
    unsigned char cmd[5 + 20] = {0x84, 0x24, 0x00, 0x01, 0x14};
    memcpy(cmd + 5, block, 16);
    memcpy(cmd + 21, mac, 4);
    int sw = transmit(cmd, sizeof cmd, NULL, NULL);
    wipe(cmd, sizeof cmd);
    rc = sw == 0x9000 ? 0 : card_error(sw);
  }
  wipe(first, sizeof first);
  wipe(second, sizeof second);
  wipe(field, sizeof field);
  wipe(block, sizeof block);
  wipe(mac_in, sizeof mac_in);
  wipe(cryptogram, sizeof cryptogram);
  return rc;
}

int iReloadPIN(int iType, char *pCardInfo, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  (void)iType;
  if (forced("iReloadPIN", &rc, pOutInfo)) {
    return rc;
  }
  const char *reader = getenv("SSCARD_STANDIN_PSAM_READER");
  if (reader == NULL || pCardInfo == NULL) {
    return RC_NO_PSAM;
  }
  if ((rc = connect_card()) != 0) {
    return rc;
  }
  SCARDHANDLE h;
  DWORD proto;
  if (SCardConnect(context, reader, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &h,
                   &proto) != SCARD_S_SUCCESS) {
    return RC_NO_PSAM;
  }
  rc = psam_reload(h, proto, pCardInfo);
  SCardDisconnect(h, SCARD_LEAVE_CARD);
  disconnect();
  return rc;
}

int iUnblockPIN(int iType, char *pCardInfo, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  (void)iType;
  (void)pCardInfo;
  if (forced("iUnblockPIN", &rc, pOutInfo)) {
    return rc;
  }
  return RC_NO_PSAM;
}

static int get_challenge(char *hex_out) {
  static const unsigned char cmd[] = {0x00, 0x84, 0x00, 0x00, 0x08};
  unsigned char random[8];
  size_t n = sizeof random;
  int sw = transmit(cmd, sizeof cmd, random, &n);
  if (sw != 0x9000 || n != 8) {
    return sw == 0x9000 ? RC_CARD : card_error(sw);
  }
  hex(hex_out, random, 8);
  return 0;
}

/*
 * Step 1 (reload and unblock): the card named by pCardInfo ("card identification code|card
 * number|") is in the reader; GET CHALLENGE. Output "algorithm|key address|diversification
 * data|authentication random|".
 */
static int hsm_step1(const char *function, char *pCardInfo, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  if (forced(function, &rc, pOutInfo)) {
    return rc;
  }
  if (pCardInfo == NULL) {
    return RC_ARGUMENT;
  }
  if ((rc = connect_card()) != 0 || (rc = select_ssse()) != 0 || (rc = select_ef(0x05)) != 0) {
    return rc;
  }
  unsigned char code[16];
  char id[33] = "", number[16] = "", expected[128];
  if (read_element(0x01, code, sizeof code, &rc) != 16) {
    return rc != 0 ? rc : RC_CARD;
  }
  hex(id, code, 16);
  if (read_text(0x07, number, sizeof number, &rc) < 0) {
    return rc;
  }
  snprintf(expected, sizeof expected, "%s|%s|", id, number);
  if (strcasecmp(expected, pCardInfo) != 0) {
    return RC_CASE_MISMATCH;
  }
  char random[17];
  if ((rc = get_challenge(random)) != 0) {
    return rc;
  }
  sprintf(pOutInfo, "%02d|%s|%s|%s|", algorithm, key_address(), id, random);
  return 0;
}

int iReloadPIN_HSM_Step1(int iType, char *pCardInfo, char *pOutInfo) {
  (void)iType;
  return hsm_step1("iReloadPIN_HSM_Step1", pCardInfo, pOutInfo);
}

int iUnblockPIN_HSM_Step1(int iType, char *pCardInfo, char *pOutInfo) {
  (void)iType;
  return hsm_step1("iUnblockPIN_HSM_Step1", pCardInfo, pOutInfo);
}

/* EXTERNAL AUTHENTICATE with the cryptogram pKey (hex). */
static int external_authenticate(const char *pKey, char *pOutInfo) {
  unsigned char cmd[5 + 16];
  if (pKey == NULL || unhex(cmd + 5, 16, pKey) != 16) {
    return RC_ARGUMENT;
  }
  cmd[0] = 0x00;
  cmd[1] = 0x82;
  cmd[2] = 0x00;
  cmd[3] = (unsigned char)atoi(key_address());
  cmd[4] = 0x10;
  int sw = transmit(cmd, sizeof cmd, NULL, NULL);
  wipe(cmd, sizeof cmd);
  if (sw == 0x9000) {
    return 0;
  }
  if (sw == 0x6983) {
    return RC_KEY_BLOCKED;
  }
  return sw == 0 ? RC_NO_CARD : tries_error(sw, RC_AUTH_FAILED, pOutInfo);
}

/*
 * Step 2: EXTERNAL AUTHENTICATE with the cryptogram pKey (hex), the new PIN twice on the keypad,
 * GET CHALLENGE. Output "algorithm|key address|process random|APDU plaintext|new PIN|", the APDU
 * plaintext being the header of the reload command the MAC covers.
 */
int iReloadPIN_HSM_Step2(char *pKey, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  if (forced("iReloadPIN_HSM_Step2", &rc, pOutInfo)) {
    return rc;
  }
  if ((rc = external_authenticate(pKey, pOutInfo)) != 0) {
    return rc;
  }
  char first[MAX_PIN + 1] = "", second[MAX_PIN + 1] = "";
  char random[17];
  if ((rc = keypad(first, sizeof first)) == 0 && (rc = keypad(second, sizeof second)) == 0) {
    if (strcmp(first, second) != 0) {
      rc = RC_PIN_MISMATCH;
    } else if ((rc = get_challenge(random)) == 0) {
      sprintf(pOutInfo, "%02d|%s|%s|%s|%s|", algorithm, key_address(), random, "8424000114",
              first);
    }
  }
  wipe(first, sizeof first);
  wipe(second, sizeof second);
  return rc;
}

/* Step 3: the reload command with the secure-messaging data pKey (hex: PIN block + MAC). */
int iReloadPIN_HSM_Step3(char *pKey, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  if (forced("iReloadPIN_HSM_Step3", &rc, pOutInfo)) {
    return rc;
  }
  unsigned char cmd[5 + 64];
  int n = pKey == NULL ? -1 : unhex(cmd + 5, 64, pKey);
  if (n != 20) {
    wipe(cmd, sizeof cmd);
    return RC_ARGUMENT;
  }
  cmd[0] = 0x84;
  cmd[1] = 0x24;
  cmd[2] = 0x00;
  cmd[3] = 0x01;
  cmd[4] = (unsigned char)n;
  int sw = transmit(cmd, 5 + n, NULL, NULL);
  wipe(cmd, sizeof cmd);
  disconnect();
  return sw == 0x9000 ? 0 : card_error(sw);
}

/*
 * Unblock Step 2: EXTERNAL AUTHENTICATE with pKey, GET CHALLENGE. Output "algorithm|key
 * address|process random|APDU plaintext|": the unblock carries no PIN (it restores the try counter
 * only), so the MAC covers the header alone.
 */
int iUnblockPIN_HSM_Step2(char *pKey, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  if (forced("iUnblockPIN_HSM_Step2", &rc, pOutInfo)) {
    return rc;
  }
  if ((rc = external_authenticate(pKey, pOutInfo)) != 0) {
    return rc;
  }
  char random[17];
  if ((rc = get_challenge(random)) != 0) {
    return rc;
  }
  sprintf(pOutInfo, "%02d|%s|%s|%s|", algorithm, key_address(), random, "8424000004");
  return 0;
}

/* Unblock Step 3: the unblock command with its MAC pKey (hex). */
int iUnblockPIN_HSM_Step3(char *pKey, char *pOutInfo) {
  int rc;
  pOutInfo[0] = '\0';
  if (forced("iUnblockPIN_HSM_Step3", &rc, pOutInfo)) {
    return rc;
  }
  unsigned char cmd[5 + 4];
  if (pKey == NULL || unhex(cmd + 5, 4, pKey) != 4) {
    return RC_ARGUMENT;
  }
  cmd[0] = 0x84;
  cmd[1] = 0x24;
  cmd[2] = 0x00;
  cmd[3] = 0x00;
  cmd[4] = 0x04;
  int sw = transmit(cmd, sizeof cmd, NULL, NULL);
  disconnect();
  return sw == 0x9000 ? 0 : card_error(sw);
}
