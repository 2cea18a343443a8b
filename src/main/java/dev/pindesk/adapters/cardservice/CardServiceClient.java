package dev.pindesk.adapters.cardservice;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.CaseContext;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The province's card-management service (卡管系统) as a {@link SecurityModule}: its HSM answers the
 * card's external authentication (serviceFlag 244), protects a PIN command with secure messaging
 * (245) and checks a card's internal authentication (246, {@link #internalAuthentication}). HTTPS +
 * JSON to the service's pinned key only, the counter's credentials in two headers, the request's
 * shape from a {@link WireProfile} (ADR 0029).
 *
 * <p>Failures: {@code SECURITY_MODULE_UNAVAILABLE} when the service cannot be reached, times out,
 * presents another key, or answers something the profile does not describe; {@code
 * SECURITY_MODULE_REFUSED} when it refuses the call or the credentials; {@code
 * SECURITY_MODULE_KEY_MISSING} and {@code SECURITY_MODULE_UNSUPPORTED} for the answer codes the
 * profile lists as such.
 *
 * <p>The new PIN of a 245 call goes from the {@link Pin}'s characters straight into the request's
 * bytes (Jackson's generator writing a char array; buffers not recycled), which are wiped once the
 * request has been sent; it is never a {@code String} and never logged.
 */
public final class CardServiceClient implements SecurityModule {
  private static final Logger LOG = LoggerFactory.getLogger(CardServiceClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Jackson's own buffers are not recycled: a PIN written through them is not kept for reuse. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build();

  private static final int MAX_ANSWER = 64 * 1024;

  /**
   * How to reach the service.
   *
   * @param url the service's base URL ({@code https://host:port}); the profile's path is appended
   * @param pin the key the service must present
   * @param credentials the counter's client id and secret
   * @param profile the wire profile
   * @param terminalCode the counter's terminal code ({@code zdbm}), when the service wants one
   * @param connectTimeout how long to wait for the connection
   * @param requestTimeout how long to wait for an answer
   * @param training whether the service holds training keys (status display only)
   */
  public record Config(
      URI url,
      ServicePin pin,
      ClientCredentials credentials,
      WireProfile profile,
      Optional<String> terminalCode,
      Duration connectTimeout,
      Duration requestTimeout,
      boolean training) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    public Config {
      if (!"https".equals(url.getScheme()) || url.getHost() == null) {
        throw new IllegalArgumentException("the card-management service needs an https:// URL");
      }
      if (connectTimeout.isNegative()
          || connectTimeout.isZero()
          || requestTimeout.isNegative()
          || requestTimeout.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive");
      }
    }
  }

  /** What a {@link #probe()} found. */
  public enum Probe {
    /** TLS to the pinned key works. */
    REACHABLE,
    /** No connection, or no TLS handshake, within the connect timeout. */
    UNREACHABLE,
    /** Something answered with another key: a wrong URL or pin, or someone in between. */
    NOT_PINNED_KEY
  }

  private final Config config;
  private final URI endpoint;
  private final SSLContext tls;
  private final HttpClient http;

  public CardServiceClient(Config config) {
    this.config = config;
    String base = config.url().toString();
    this.endpoint =
        URI.create(
            (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + config.profile().path());
    this.tls = config.pin().clientContext(null);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(tls)
            .build();
  }

  /**
   * Whether the service is there: a TLS handshake with the pinned key, no request. Sends nothing
   * about any case and no credentials, so the status bar may call it often.
   */
  public Probe probe() {
    URI url = config.url();
    int port = url.getPort() > 0 ? url.getPort() : 443;
    int timeout = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress(url.getHost(), port), timeout);
      raw.setSoTimeout(timeout);
      try (SSLSocket socket =
          (SSLSocket) tls.getSocketFactory().createSocket(raw, url.getHost(), port, false)) {
        socket.startHandshake();
      }
      return Probe.REACHABLE;
    } catch (IOException e) {
      return untrusted(e) ? Probe.NOT_PINNED_KEY : Probe.UNREACHABLE;
    }
  }

  @Override
  public String description() {
    return "Card-management service "
        + config.url().getHost()
        + (config.url().getPort() > 0 ? ":" + config.url().getPort() : "")
        + " ("
        + config.profile().id()
        + ")";
  }

  @Override
  public boolean isTraining() {
    return config.training();
  }

  @Override
  public byte[] externalAuthentication(ExternalAuthRequest request) throws CardException {
    CardKeyAddress key = request.key();
    byte[] random = request.authRandom();
    try {
      WipeableBytes body =
          body(
              "externalAuthentication",
              key,
              businessType(key),
              g -> g.writeString(key.cardIdCode()),
              g -> g.writeString(Hex.of(random)),
              Optional.empty());
      return inst(call(body, "244", key));
    } finally {
      Secrets.wipe(random);
    }
  }

  @Override
  public SecureMessage secureMessaging(SecureMessagingRequest request) throws CardException {
    CardKeyAddress key = request.key();
    byte[] random = request.processRandom();
    byte[] header = request.header();
    try {
      WipeableBytes body =
          body(
              "secureMessaging",
              key,
              businessType(key),
              g -> g.writeString(Hex.of(random)),
              g -> writePinData(g, key.algorithm(), header, request.newPin()),
              Optional.of(Hex.of(header)));
      byte[] inst = inst(call(body, "245", key));
      int mac = config.profile().macLength();
      if (inst.length < mac) {
        Secrets.wipe(inst);
        throw unavailable("the 245 answer is shorter than its MAC", null);
      }
      SecureMessage message =
          new SecureMessage(
              Arrays.copyOfRange(inst, 0, inst.length - mac),
              Arrays.copyOfRange(inst, inst.length - mac, inst.length));
      Secrets.wipe(inst);
      return message;
    } finally {
      Secrets.wipe(random, header);
    }
  }

  /**
   * Internal authentication (serviceFlag 246): the cryptogram a genuine card answers to INTERNAL
   * AUTHENTICATE over {@code random} with {@code key}, computed by the service's HSM; the caller
   * compares it with the card's answer ({@link java.security.MessageDigest#isEqual}). Not on the
   * {@link SecurityModule} port: neither a PSAM profile nor the training keys have an internal
   * authentication key yet, so no caller could rely on it (ADR 0029).
   *
   * @throws CardException as {@link #externalAuthentication}
   */
  public byte[] internalAuthentication(CardKeyAddress key, byte[] random) throws CardException {
    byte[] r = random.clone();
    try {
      WipeableBytes body =
          body(
              "internalAuthentication",
              key,
              businessType(key),
              g -> g.writeString(key.cardIdCode()),
              g -> g.writeString(Hex.of(r)),
              Optional.empty());
      return inst(call(body, "246", key));
    } finally {
      Secrets.wipe(r);
    }
  }

  private String businessType(CardKeyAddress key) {
    String flow = key.purpose() == KeyPurpose.UNBLOCK_PIN ? "unblock" : "reset";
    return key.context().businessType().orElse(config.profile().businessTypes().get(flow));
  }

  /**
   * The 245 data: with SM4 the PIN alone (as the public integration sends it), else the command
   * header in hex, {@code |}, the PIN; empty for a MAC-only command (the header travels in the
   * {@code command} field).
   */
  private static void writePinData(
      JsonGenerator g, CipherAlgorithm algorithm, byte[] header, Optional<Pin> pin)
      throws IOException {
    if (pin.isEmpty()) {
      g.writeString("");
      return;
    }
    char[] digits = pin.get().toChars();
    char[] data = null;
    try {
      if (algorithm == CipherAlgorithm.SM4) {
        g.writeString(digits, 0, digits.length);
      } else {
        char[] hex = Hex.of(header).toCharArray();
        data = new char[hex.length + 1 + digits.length];
        System.arraycopy(hex, 0, data, 0, hex.length);
        data[hex.length] = '|';
        System.arraycopy(digits, 0, data, hex.length + 1, digits.length);
        g.writeString(data, 0, data.length);
      }
    } finally {
      Arrays.fill(digits, '\0');
      if (data != null) {
        Arrays.fill(data, '\0');
      }
    }
  }

  private interface Value {
    void write(JsonGenerator g) throws IOException;
  }

  private WipeableBytes body(
      String service,
      CardKeyAddress key,
      String businessType,
      Value random1,
      Value random2,
      Optional<String> command)
      throws CardException {
    WipeableBytes out = new WipeableBytes();
    WireProfile p = config.profile();
    CaseContext context = key.context().withDefaultTerminalCode(config.terminalCode().orElse(null));
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      text(g, "businessType", Optional.of(businessType));
      text(g, "serviceFlag", Optional.of(p.serviceFlags().get(service)));
      text(g, "region", context.region());
      text(g, "ssn", context.ssn());
      text(g, "cardNumber", Optional.of(key.cardNumber()));
      text(g, "cardIdCode", Optional.of(key.cardIdCode()));
      text(g, "name", context.name());
      text(g, "cardAtr", Optional.of(Hex.of(key.cardAtr())));
      text(g, "terminalCode", context.terminalCode());
      text(g, "algorithm", Optional.of(p.algorithmCode(key.algorithm())));
      text(g, "keyAddress", Optional.of(String.format("%02X", key.keyIndex())));
      value(g, "random1", random1);
      value(g, "random2", random2);
      text(g, "command", command);
      g.writeEndObject();
    } catch (IOException e) {
      out.wipe();
      throw unavailable("cannot write the request: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      out.wipe();
      throw e;
    }
    return out;
  }

  private void text(JsonGenerator g, String field, Optional<String> value) throws IOException {
    Optional<String> name = config.profile().field(field);
    if (name.isPresent() && value.isPresent() && !value.get().isEmpty()) {
      g.writeStringField(name.get(), value.get());
    }
  }

  private void value(JsonGenerator g, String field, Value value) throws IOException {
    Optional<String> name = config.profile().field(field);
    if (name.isPresent()) {
      g.writeFieldName(name.get());
      value.write(g);
    }
  }

  /** Sends {@code body} (wiped afterwards, whatever happens) and reads the answer's JSON. */
  private JsonNode call(WipeableBytes body, String flag, CardKeyAddress key) throws CardException {
    long started = System.nanoTime();
    HttpResponse<byte[]> response;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(config.requestTimeout())
              .header("Content-Type", "application/json; charset=utf-8")
              .header("Accept", "application/json")
              .header(config.profile().credentials().idHeader(), config.credentials().id())
              .header(config.profile().credentials().secretHeader(), config.credentials().secret())
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.buffer(), 0, body.size()))
              .build();
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw unavailable("no connection to " + description() + " within the timeout", e);
    } catch (HttpTimeoutException e) {
      throw unavailable("no answer from " + description() + " within the timeout", e);
    } catch (IOException e) {
      if (untrusted(e)) {
        throw unavailable(description() + " did not present the pinned key", e);
      }
      String why = e instanceof ConnectException ? "connection refused" : String.valueOf(e);
      throw unavailable(description() + " unreachable: " + why, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for " + description(), e);
    } finally {
      body.wipe();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    int status = response.statusCode();
    LOG.info("card-management service {}: HTTP {} in {} ms for {}", flag, status, millis, key);
    if (status == 401 || status == 403) {
      throw new CardException(
          CardErrorCode.SECURITY_MODULE_REFUSED,
          description() + " refused the client credentials of " + config.credentials().id());
    }
    if (status != 200) {
      throw unavailable(description() + " answered HTTP " + status, null);
    }
    byte[] answer = response.body();
    if (answer.length > MAX_ANSWER) {
      throw unavailable(description() + " answered more than " + MAX_ANSWER + " bytes", null);
    }
    JsonNode json;
    try {
      json = JSON.readTree(answer);
    } catch (IOException e) {
      throw unavailable(description() + " answered something that is not JSON", e);
    } finally {
      Arrays.fill(answer, (byte) 0);
    }
    return outcome(json, flag);
  }

  /** The answer when its code is a success; else the failure its code means. */
  private JsonNode outcome(JsonNode json, String flag) throws CardException {
    WireProfile.Answer a = config.profile().answer();
    Optional<String> code = at(json, a.code());
    if (code.isEmpty()) {
      throw unavailable(
          description() + " answered without " + a.code() + " (check the wire profile)", null);
    }
    if (a.successCodes().contains(code.get())) {
      return json;
    }
    String message = at(json, a.message()).map(CardServiceClient::shortened).orElse("");
    String detail = description() + " answered " + code.get() + " to " + flag + ": " + message;
    CardErrorCode error;
    if (listed(a.keyMissingCodes(), code.get())) {
      error = CardErrorCode.SECURITY_MODULE_KEY_MISSING;
    } else if (listed(a.unsupportedCodes(), code.get())) {
      error = CardErrorCode.SECURITY_MODULE_UNSUPPORTED;
    } else if (listed(a.unavailableCodes(), code.get())) {
      error = CardErrorCode.SECURITY_MODULE_UNAVAILABLE;
    } else {
      error = CardErrorCode.SECURITY_MODULE_REFUSED;
    }
    throw new CardException(error, detail);
  }

  private byte[] inst(JsonNode json) throws CardException {
    String path = config.profile().answer().inst();
    Optional<String> inst = at(json, path);
    if (inst.isEmpty() || inst.get().isEmpty()) {
      throw unavailable(description() + " answered success without " + path, null);
    }
    try {
      return Hex.parse(inst.get());
    } catch (IllegalArgumentException e) {
      throw unavailable(description() + "'s " + path + " is not hexadecimal", e);
    }
  }

  private static boolean listed(java.util.List<String> codes, String code) {
    return codes != null && codes.contains(code);
  }

  /** The text at a dotted path ({@code fieldData.code}), if there is a value there. */
  static Optional<String> at(JsonNode json, String dottedPath) {
    JsonNode node = json;
    for (String part : dottedPath.split("\\.")) {
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      node = node.get(part);
    }
    return node == null || node.isNull() || node.isContainerNode()
        ? Optional.empty()
        : Optional.of(node.asText());
  }

  private static String shortened(String s) {
    String one = s.replaceAll("[\\r\\n\\t]", " ");
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }

  /** True when TLS failed because of the peer's certificate (not the pinned key). */
  private static boolean untrusted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
      if (t instanceof SSLException && String.valueOf(t.getMessage()).contains("certificate")) {
        return true;
      }
    }
    return false;
  }

  private static CardException unavailable(String detail, Throwable cause) {
    return new CardException(CardErrorCode.SECURITY_MODULE_UNAVAILABLE, detail, cause);
  }
}
