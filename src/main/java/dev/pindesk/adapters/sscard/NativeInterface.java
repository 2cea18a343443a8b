package dev.pindesk.adapters.sscard;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.pindesk.domain.Secrets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The vendor library, loaded with JNA inside the device host process (never in the app's JVM: a
 * native call cannot be timed out, and a crash in it ends the process).
 *
 * <p>Windows: vendor DLLs are usually 32-bit and export {@code __stdcall} functions, sometimes with
 * decorated names ({@code _iReadCardBas@8}); on 32-bit Windows this class calls with JNA's {@link
 * Function#ALT_CONVENTION} (stdcall) and looks up the decorated name when the plain one is missing.
 * The host must then run on a 32-bit JRE: a 64-bit JVM cannot load a 32-bit DLL. Strings cross as
 * the bytes the library reads and writes (GBK, the code page of Chinese Windows), never decoded
 * here.
 */
final class NativeInterface {
  /** {@code pOutInfo}'s size: public integrations pass 1 KiB to 8 KiB; a generous margin. */
  static final int OUTPUT_SIZE = 16 * 1024;

  private final NativeLibrary library;
  private final Map<SscardFunction, Function> functions = new EnumMap<>(SscardFunction.class);

  private NativeInterface(NativeLibrary library) {
    this.library = library;
  }

  /**
   * Loads {@code path}.
   *
   * @throws UnsatisfiedLinkError when it cannot be loaded (missing, wrong architecture, missing
   *     dependencies)
   */
  static NativeInterface load(Path path) {
    return new NativeInterface(NativeLibrary.getInstance(path.toAbsolutePath().toString()));
  }

  private static boolean stdcall() {
    return Platform.isWindows() && !Platform.is64Bit();
  }

  private Function function(SscardFunction f) {
    return functions.computeIfAbsent(
        f,
        key -> {
          int convention = stdcall() ? Function.ALT_CONVENTION : Function.C_CONVENTION;
          try {
            return library.getFunction(key.symbol(), convention);
          } catch (UnsatisfiedLinkError e) {
            if (!stdcall()) {
              throw e;
            }
            String decorated = "_" + key.symbol() + "@" + key.shape().stdcallArgumentBytes();
            return library.getFunction(decorated, convention);
          }
        });
  }

  /**
   * Calls {@code f}; the returned output is a fresh array the caller wipes.
   *
   * @throws UnsatisfiedLinkError when the library lacks the function
   */
  Result call(SscardFunction f, int type, byte[] input) {
    Function function = function(f);
    try (Memory out = new Memory(OUTPUT_SIZE);
        Memory in = new Memory(input.length + 1L)) {
      out.clear();
      in.write(0, input, 0, input.length);
      in.setByte(input.length, (byte) 0);
      Object[] args =
          switch (f.shape()) {
            case TYPE_OUT -> new Object[] {type, out};
            case TYPE_IN_OUT -> new Object[] {type, in, out};
            case IN_OUT -> new Object[] {in, out};
          };
      int code = function.invokeInt(args);
      byte[] output = out.getByteArray(0, length(out));
      out.clear();
      in.clear();
      return new Result(code, output);
    } finally {
      Secrets.wipe(input);
    }
  }

  private static int length(Pointer p) {
    for (int i = 0; i < OUTPUT_SIZE; i++) {
      if (p.getByte(i) == 0) {
        return i;
      }
    }
    return OUTPUT_SIZE;
  }

  record Result(int code, byte[] output) {}
}
