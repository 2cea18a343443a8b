package dev.pindesk.app;

import dev.pindesk.adapters.cardservice.CardServiceServer;
import dev.pindesk.adapters.cardservice.ClientCredentials;
import dev.pindesk.adapters.cardservice.ServiceIdentity;
import dev.pindesk.adapters.cardservice.WireProfile;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.cli.common.CardServiceServices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link CardServiceServices} over the {@code cardservice} adapter: the reference service with the
 * training module's keys (which refuse every card that is not a virtual training card).
 */
final class CardServiceWiring implements CardServiceServices {
  static final String CREDENTIALS_FILE = "card-service-client.properties";
  private static final String TRAINING_CLIENT = "pindesk-counter";

  @Override
  public String certificateFileName() {
    return ServiceIdentity.CERT_FILE;
  }

  @Override
  public String credentialsFileName() {
    return CREDENTIALS_FILE;
  }

  @Override
  public Running serveTraining(Path dir, String profile, InetAddress bind, int port)
      throws IOException {
    WireProfile wire = WireProfile.resolve(profile);
    Files.createDirectories(dir);
    ServiceIdentity identity = ServiceIdentity.loadOrCreate(dir.resolve(ServiceIdentity.CERT_FILE));
    Path credentialsFile = dir.resolve(CREDENTIALS_FILE).toAbsolutePath();
    if (!Files.exists(credentialsFile)) {
      ClientCredentials.generate(TRAINING_CLIENT).save(credentialsFile);
    }
    ClientCredentials client = ClientCredentials.load(credentialsFile);
    CardServiceServer server =
        CardServiceServer.start(new TrainingSecurityModule(), identity, client, wire, bind, port);
    return new Running() {
      @Override
      public URI uri() {
        return server.uri();
      }

      @Override
      public String pin() {
        return identity.pin().text();
      }

      @Override
      public Path certificateFile() {
        return identity.certificateFile();
      }

      @Override
      public Path credentialsFile() {
        return credentialsFile;
      }

      @Override
      public boolean created() {
        return identity.created();
      }

      @Override
      public String profileId() {
        return wire.id();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
