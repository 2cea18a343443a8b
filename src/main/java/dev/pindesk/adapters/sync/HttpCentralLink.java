package dev.pindesk.adapters.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.sync.CentralException;
import dev.pindesk.domain.sync.CentralFailure;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.ports.CentralLink;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The workstation's end of docs/sync-protocol.md over {@link HttpClient}: TLS that trusts exactly
 * one certificate, the central's pinned {@code central.crt} (no public CA; host name verification
 * stays on), every request signed with the workstation key ({@link RequestAuth}), every receipt's
 * signature checked with the pinned certificate's key before anyone sees it. Plain {@code http://}
 * is accepted only for a loopback host (development against {@code central serve --insecure-http}).
 */
public final class HttpCentralLink implements CentralLink {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Generous for a 1 MiB batch on a slow branch-office link. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_DETAIL = 200;

  private final URI base;
  private final X509Certificate pinned;
  private final Sm2KeyPair keys;
  private final Clock clock;
  private final Duration requestTimeout;
  private final HttpClient client;

  /**
   * @param central the central's base URL ({@code https://host:port}, optionally with a path)
   * @param pinned the central's certificate: the only TLS peer trusted and the receipt signer
   * @param workstationKeys signs every request (its public key must be enrolled centrally)
   * @throws IllegalArgumentException for a URL that is neither https nor http on loopback
   */
  public HttpCentralLink(
      URI central,
      X509Certificate pinned,
      Sm2KeyPair workstationKeys,
      Clock clock,
      Duration connectTimeout,
      Duration requestTimeout) {
    this.base = checkedBase(central);
    this.pinned = pinned;
    this.keys = workstationKeys;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("https".equals(base.getScheme())) {
      builder.sslContext(pinnedContext(pinned));
    }
    this.client = builder.build();
  }

  /** With the default timeouts and the system clock. */
  public HttpCentralLink(URI central, X509Certificate pinned, Sm2KeyPair workstationKeys) {
    this(
        central,
        pinned,
        workstationKeys,
        Clock.systemUTC(),
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT);
  }

  /** Reads a PEM or DER X.509 certificate ({@code central.crt}). */
  public static X509Certificate readCertificate(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (CertificateException | ClassCastException e) {
      throw new IOException(file + ": not an X.509 certificate", e);
    }
  }

  @Override
  public Receipt send(SealedBatch batch) throws CentralException, InterruptedException {
    byte[] body = BatchCodec.encode(batch);
    HttpRequest.Builder request =
        signed("POST", SyncProtocol.BATCHES, RequestAuth.content(batch), body.length)
            .header("Content-Type", SyncProtocol.BATCH_CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response = exchange(request.build());
    if (response.statusCode() == 200) {
      return verifiedReceipt(response.body());
    }
    throw refusal(response);
  }

  @Override
  public Optional<Receipt> fetchReceipt(byte[] journalId)
      throws CentralException, InterruptedException {
    String path =
        SyncProtocol.JOURNALS + Hex.of(journalId).toLowerCase(java.util.Locale.ROOT) + "/receipt";
    HttpResponse<byte[]> response =
        exchange(signed("GET", path, RequestAuth.content(new byte[0]), 0).GET().build());
    if (response.statusCode() == 200) {
      return Optional.of(verifiedReceipt(response.body()));
    }
    CentralException refused = refusal(response);
    if (refused.failure() == CentralFailure.UNKNOWN_JOURNAL) {
      return Optional.empty();
    }
    throw refused;
  }

  /**
   * A request to {@code path} (below the base URL) with the protocol-2 authentication headers (ADR
   * 0032): the central checks them before it reads a byte of the body.
   */
  private HttpRequest.Builder signed(String method, String path, String content, long length) {
    URI uri = base.resolve(base.getRawPath() + path);
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout);
    Map<String, String> auth =
        RequestAuth.headersV2(
            keys.publicKey(),
            keys.privateKey(),
            method,
            pathAndQuery,
            content,
            length,
            clock.millis());
    auth.forEach(b::header);
    return b;
  }

  private HttpResponse<byte[]> exchange(HttpRequest request)
      throws CentralException, InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw new CentralException(CentralFailure.TIMEOUT, "no connection within the timeout", e);
    } catch (HttpTimeoutException e) {
      throw new CentralException(CentralFailure.TIMEOUT, "no answer within the timeout", e);
    } catch (IOException e) {
      if (untrusted(e)) {
        throw new CentralException(
            CentralFailure.UNTRUSTED_CERTIFICATE,
            "the server is not the pinned central (" + e.getMessage() + ")",
            e);
      }
      String why = e instanceof ConnectException ? "connection refused" : String.valueOf(e);
      throw new CentralException(CentralFailure.UNREACHABLE, why, e);
    }
  }

  /** True when TLS failed because of the peer's certificate (not pinned, wrong host name). */
  private static boolean untrusted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
      if (t instanceof SSLException) {
        String m = String.valueOf(t.getMessage());
        if (m.contains("PKIX") || m.contains("certificate") || m.contains("subject alternative")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The receipt in a 200 body, only if the pinned certificate's key signed it. */
  private Receipt verifiedReceipt(byte[] body) throws CentralException {
    Receipt r;
    try {
      r = ReceiptCodec.fromJson(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new CentralException(CentralFailure.BAD_RECEIPT, "the answer is not a receipt");
    }
    if (!ReceiptCodec.verify(r, pinned)) {
      throw new CentralException(
          CentralFailure.BAD_RECEIPT,
          "the receipt's signature does not verify with the pinned central certificate");
    }
    return r;
  }

  /** A refusal from its JSON body, or by status when the body is not the protocol's. */
  private static CentralException refusal(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    String code = "";
    String detail = "HTTP " + status;
    long expectedFrom = 0;
    try {
      JsonNode o = JSON.readTree(response.body());
      if (o != null && o.isObject()) {
        code = o.path("error").asText("");
        detail = clean(o.path("detail").asText(detail));
        expectedFrom = Math.max(0, o.path("expectedFrom").asLong(0));
      }
    } catch (IOException e) {
      // not JSON: classified by status below
    }
    Optional<CentralFailure> failure =
        SyncProtocol.Refusal.fromWireName(code)
            .flatMap(r -> CentralFailure.fromWireName(r.wireName()));
    if (failure.isPresent()) {
      return new CentralException(failure.get(), detail, expectedFrom, null);
    }
    if (status >= 500) {
      return new CentralException(CentralFailure.SERVER_ERROR, "HTTP " + status);
    }
    return new CentralException(
        CentralFailure.UNEXPECTED_RESPONSE, "HTTP " + status + " is not a central's answer");
  }

  /** One short printable line of a detail the server sent. */
  private static String clean(String detail) {
    String s = detail.replaceAll("\\p{Cntrl}", " ");
    return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) + "…" : s;
  }

  private static URI checkedBase(URI central) {
    String scheme = central.getScheme();
    String host = central.getHost();
    if (host == null || central.getRawQuery() != null || central.getRawFragment() != null) {
      throw new IllegalArgumentException(central + ": expected https://host[:port][/path]");
    }
    if ("http".equals(scheme)) {
      if (!loopback(host)) {
        throw new IllegalArgumentException(
            central + ": plain http only to a loopback address (development); use https");
      }
    } else if (!"https".equals(scheme)) {
      throw new IllegalArgumentException(central + ": expected an https:// URL");
    }
    String path = central.getRawPath() == null ? "" : central.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(scheme + "://" + central.getRawAuthority() + path);
  }

  /** localhost or a loopback IP literal; other names are not resolved (DNS could lie). */
  static boolean loopback(String host) {
    if ("localhost".equalsIgnoreCase(host)) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** TLS that trusts only {@code cert}: a key store holding that one certificate. */
  private static SSLContext pinnedContext(X509Certificate cert) {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("central", cert);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS for the pinned certificate", e);
    }
  }
}
