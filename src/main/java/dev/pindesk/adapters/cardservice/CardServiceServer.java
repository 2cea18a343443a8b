package dev.pindesk.adapters.cardservice;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference card-management service, for training and tests (ADR 0029): HTTPS with its own
 * {@link ServiceIdentity}, one client's {@link ClientCredentials}, the calls of a {@link
 * WireProfile}, and the keys of the {@link SecurityModule} it is given — the training module, which
 * refuses every card that is not a virtual training card. So the HSM path runs end to end without
 * hardware; it is not a production key holder.
 */
public final class CardServiceServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CardServiceServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY =
      JsonFactory.builder().recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build();
  private static final int MAX_REQUEST = 16 * 1024;

  private final HttpsServer server;
  private final ExecutorService executor;

  private CardServiceServer(HttpsServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving on {@code bind}:{@code port} (0 for any free port).
   *
   * @throws IOException when the address cannot be bound or TLS cannot be set up
   */
  public static CardServiceServer start(
      SecurityModule module,
      ServiceIdentity identity,
      ClientCredentials client,
      WireProfile profile,
      InetAddress bind,
      int port)
      throws IOException {
    SSLContext context;
    try {
      context = identity.serverContext();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
    HttpsServer https = HttpsServer.create(new InetSocketAddress(bind, port), 16);
    https.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = getSSLContext().getDefaultSSLParameters();
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            params.setSSLParameters(p);
          }
        });
    Handler handler = new Handler(module, client, profile);
    https.createContext("/", handler::handle);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "card-service-http");
              t.setDaemon(true);
              return t;
            });
    https.setExecutor(executor);
    https.start();
    CardServiceServer started = new CardServiceServer(https, executor);
    LOG.info(
        "reference card-management service on {} ({}, profile {}, client {})",
        started.uri(),
        module.description(),
        profile.id(),
        client.id());
    return started;
  }

  /** {@code https://localhost:PORT} for a loopback or wildcard bind, else the address. */
  public URI uri() {
    InetAddress a = server.getAddress().getAddress();
    String host =
        a.isAnyLocalAddress() || a.isLoopbackAddress()
            ? "localhost"
            : (a instanceof java.net.Inet6Address
                ? "[" + a.getHostAddress() + "]"
                : a.getHostAddress());
    return URI.create("https://" + host + ":" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("reference card-management service on {} stopped", uri());
  }

  /** One call: credentials, fields, the module's answer in the profile's shape. */
  private static final class Handler {
    private final SecurityModule module;
    private final ClientCredentials client;
    private final WireProfile profile;

    Handler(SecurityModule module, ClientCredentials client, WireProfile profile) {
      this.module = module;
      this.client = client;
      this.profile = profile;
    }

    void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        if (!exchange.getRequestURI().getPath().equals(profile.path())) {
          send(exchange, 404, new byte[0]);
          return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
          send(exchange, 405, new byte[0]);
          return;
        }
        String id = exchange.getRequestHeaders().getFirst(profile.credentials().idHeader());
        String secret = exchange.getRequestHeaders().getFirst(profile.credentials().secretHeader());
        if (!client.accepts(id, secret)) {
          LOG.warn("card-management call refused: unknown client credentials");
          send(exchange, 401, new byte[0]);
          return;
        }
        byte[] body = read(exchange.getRequestBody());
        if (body == null) {
          send(exchange, 413, new byte[0]);
          return;
        }
        Fields fields;
        try {
          fields = Fields.parse(body, profile.field("random2").orElseThrow());
        } catch (IOException | RuntimeException e) {
          send(exchange, 400, new byte[0]);
          return;
        } finally {
          Arrays.fill(body, (byte) 0);
        }
        try {
          send(exchange, 200, answer(fields));
        } finally {
          fields.wipe();
        }
      }
    }

    private byte[] answer(Fields f) throws IOException {
      String flag = f.text(profile, "serviceFlag").orElse("");
      byte[] inst = null;
      try {
        if (flag.equals(profile.serviceFlags().get("externalAuthentication"))) {
          inst = externalAuthentication(f);
        } else if (flag.equals(profile.serviceFlags().get("secureMessaging"))) {
          inst = secureMessaging(f);
        } else if (flag.equals(profile.serviceFlags().get("internalAuthentication"))) {
          throw new CardException(
              CardErrorCode.SECURITY_MODULE_UNSUPPORTED,
              "the reference service has no internal authentication key");
        } else {
          return json(refusedCode(), null, "unknown serviceFlag");
        }
        LOG.info("card-management call {} answered", flag);
        return json(profile.answer().successCodes().get(0), Hex.of(inst), "ok");
      } catch (CardException e) {
        LOG.info("card-management call {} refused: {}", flag, e.getMessage());
        return json(code(e.code()), null, e.code().wireName());
      } catch (IllegalArgumentException e) {
        LOG.info("card-management call {} malformed: {}", flag, e.getMessage());
        return json(refusedCode(), null, "malformed request");
      } finally {
        Secrets.wipe(inst);
      }
    }

    private CardKeyAddress key(Fields f, KeyPurpose purpose) {
      String algorithmCode = f.text(profile, "algorithm").orElse("");
      CipherAlgorithm algorithm =
          profile
              .algorithm(algorithmCode)
              .orElseThrow(() -> new IllegalArgumentException("unknown algorithm"));
      return new CardKeyAddress(
          purpose,
          Integer.parseInt(f.text(profile, "keyAddress").orElse(""), 16),
          algorithm,
          f.text(profile, "cardIdCode").orElse(""),
          f.text(profile, "cardNumber").orElse(""),
          Hex.parse(f.text(profile, "cardAtr").orElse("")));
    }

    private byte[] externalAuthentication(Fields f) throws CardException {
      byte[] random = hex(f.random2, 0, f.random2.length);
      return module.externalAuthentication(
          new ExternalAuthRequest(key(f, KeyPurpose.EXTERNAL_AUTHENTICATION), random));
    }

    private byte[] secureMessaging(Fields f) throws CardException {
      boolean unblock =
          f.text(profile, "businessType").orElse("").equals(profile.businessTypes().get("unblock"));
      CardKeyAddress key = key(f, unblock ? KeyPurpose.UNBLOCK_PIN : KeyPurpose.RESET_PIN);
      byte[] random = Hex.parse(f.text(profile, "random1").orElse(""));
      Optional<String> command = f.text(profile, "command");
      int bar = indexOf(f.random2, '|');
      byte[] header =
          command.isPresent() ? Hex.parse(command.get()) : hex(f.random2, 0, Math.max(bar, 0));
      char[] digits =
          f.random2.length == 0
              ? null
              : Arrays.copyOfRange(f.random2, bar < 0 ? 0 : bar + 1, f.random2.length);
      Pin pin = null;
      SecureMessage message = null;
      try {
        pin = digits == null ? null : Pin.of(digits);
        message =
            module.secureMessaging(
                new SecureMessagingRequest(key, random, header, Optional.ofNullable(pin)));
        return message.commandData();
      } finally {
        if (pin != null) {
          pin.close();
        }
        if (digits != null) {
          Arrays.fill(digits, '\0');
        }
        if (message != null) {
          message.wipe();
        }
      }
    }

    /** Hex digits of {@code chars[from, to)} as bytes, without a {@code String} of them. */
    private static byte[] hex(char[] chars, int from, int to) {
      if ((to - from) % 2 != 0) {
        throw new IllegalArgumentException("odd number of hex digits");
      }
      byte[] out = new byte[(to - from) / 2];
      for (int i = 0; i < out.length; i++) {
        int hi = Character.digit(chars[from + 2 * i], 16);
        int lo = Character.digit(chars[from + 2 * i + 1], 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("not hexadecimal");
        }
        out[i] = (byte) (hi << 4 | lo);
      }
      return out;
    }

    private static int indexOf(char[] chars, char c) {
      for (int i = 0; i < chars.length; i++) {
        if (chars[i] == c) {
          return i;
        }
      }
      return -1;
    }

    private String code(CardErrorCode error) {
      WireProfile.Answer a = profile.answer();
      if (error == CardErrorCode.SECURITY_MODULE_KEY_MISSING && !a.keyMissingCodes().isEmpty()) {
        return a.keyMissingCodes().get(0);
      }
      if ((error == CardErrorCode.SECURITY_MODULE_UNSUPPORTED
              || error == CardErrorCode.ALGORITHM_UNSUPPORTED)
          && !a.unsupportedCodes().isEmpty()) {
        return a.unsupportedCodes().get(0);
      }
      return refusedCode();
    }

    private String refusedCode() {
      return profile.answer().successCodes().contains("0") ? "-1" : "0";
    }

    private byte[] json(String code, String inst, String message) throws IOException {
      ObjectNode root = JSON.createObjectNode();
      WireProfile.Answer a = profile.answer();
      put(root, a.code(), code);
      if (inst != null) {
        put(root, a.inst(), inst);
      }
      put(root, a.message(), message);
      return JSON.writeValueAsBytes(root);
    }

    private static void put(ObjectNode root, String dottedPath, String value) {
      String[] parts = dottedPath.split("\\.");
      ObjectNode node = root;
      for (int i = 0; i < parts.length - 1; i++) {
        node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
      }
      node.put(parts[parts.length - 1], value);
    }

    private static byte[] read(InputStream in) throws IOException {
      byte[] body = in.readNBytes(MAX_REQUEST + 1);
      if (body.length > MAX_REQUEST) {
        Arrays.fill(body, (byte) 0);
        return null;
      }
      return body;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /**
   * A request's fields: the text ones by wire name, the PIN-bearing {@code random2} as characters
   * (never a {@code String}: it may hold a PIN).
   */
  private static final class Fields {
    private final Map<String, String> texts = new HashMap<>();
    private char[] random2 = new char[0];

    static Fields parse(byte[] body, String random2Name) throws IOException {
      Fields f = new Fields();
      try (JsonParser p = FACTORY.createParser(body)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException("not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (value != JsonToken.VALUE_STRING) {
            p.skipChildren();
            continue;
          }
          if (name.equals(random2Name)) {
            f.random2 =
                Arrays.copyOfRange(
                    p.getTextCharacters(),
                    p.getTextOffset(),
                    p.getTextOffset() + p.getTextLength());
          } else {
            f.texts.put(name, p.getText());
          }
        }
      }
      return f;
    }

    Optional<String> text(WireProfile profile, String field) {
      return profile.field(field).map(texts::get);
    }

    void wipe() {
      Arrays.fill(random2, '\0');
    }
  }
}
