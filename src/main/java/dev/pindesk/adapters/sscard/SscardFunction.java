package dev.pindesk.adapters.sscard;

import java.util.Optional;

/**
 * The functions of the national read/write interface PinDesk calls, with their C signatures: every
 * one returns {@code int} (0 = success) and writes a NUL-terminated GBK string to {@code pOutInfo}.
 * The ids are the wire numbers of the device host protocol ({@link HostFrames}).
 */
enum SscardFunction {
  /** {@code int iReadCardBas(int iType, char* pOutInfo)}. */
  READ_CARD_BAS(1, "iReadCardBas", Shape.TYPE_OUT),
  /** {@code int iVerifyPIN(int iType, char* pOutInfo)}. */
  VERIFY_PIN(2, "iVerifyPIN", Shape.TYPE_OUT),
  /** {@code int iChangePIN(int iType, char* pOutInfo)}. */
  CHANGE_PIN(3, "iChangePIN", Shape.TYPE_OUT),
  /** {@code int iReloadPIN(int iType, char* pCardInfo, char* pOutInfo)}: the PSAM path. */
  RELOAD_PIN(4, "iReloadPIN", Shape.TYPE_IN_OUT),
  /** {@code int iReloadPIN_HSM_Step1(int iType, char* pCardInfo, char* pOutInfo)}. */
  RELOAD_PIN_HSM_STEP1(5, "iReloadPIN_HSM_Step1", Shape.TYPE_IN_OUT),
  /** {@code int iReloadPIN_HSM_Step2(char* pKey, char* pOutInfo)}. */
  RELOAD_PIN_HSM_STEP2(6, "iReloadPIN_HSM_Step2", Shape.IN_OUT),
  /** {@code int iReloadPIN_HSM_Step3(char* pKey, char* pOutInfo)}. */
  RELOAD_PIN_HSM_STEP3(7, "iReloadPIN_HSM_Step3", Shape.IN_OUT),
  /** {@code int iUnblockPIN(int iType, char* pCardInfo, char* pOutInfo)}: the PSAM path. */
  UNBLOCK_PIN(8, "iUnblockPIN", Shape.TYPE_IN_OUT),
  /** {@code int iUnblockPIN_HSM_Step1(int iType, char* pCardInfo, char* pOutInfo)}. */
  UNBLOCK_PIN_HSM_STEP1(9, "iUnblockPIN_HSM_Step1", Shape.TYPE_IN_OUT),
  /** {@code int iUnblockPIN_HSM_Step2(char* pKey, char* pOutInfo)}. */
  UNBLOCK_PIN_HSM_STEP2(10, "iUnblockPIN_HSM_Step2", Shape.IN_OUT),
  /** {@code int iUnblockPIN_HSM_Step3(char* pKey, char* pOutInfo)}. */
  UNBLOCK_PIN_HSM_STEP3(11, "iUnblockPIN_HSM_Step3", Shape.IN_OUT);

  /** The C parameter lists the interface uses. */
  enum Shape {
    TYPE_OUT(2),
    TYPE_IN_OUT(3),
    IN_OUT(2);

    private final int parameters;

    Shape(int parameters) {
      this.parameters = parameters;
    }

    /** Bytes of arguments on a 32-bit stack: the {@code @N} of a decorated __stdcall name. */
    int stdcallArgumentBytes() {
      return 4 * parameters;
    }
  }

  private final int id;
  private final String symbol;
  private final Shape shape;

  SscardFunction(int id, String symbol, Shape shape) {
    this.id = id;
    this.symbol = symbol;
    this.shape = shape;
  }

  int id() {
    return id;
  }

  String symbol() {
    return symbol;
  }

  Shape shape() {
    return shape;
  }

  static Optional<SscardFunction> byId(int id) {
    for (SscardFunction f : values()) {
      if (f.id == id) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
