package dev.pindesk.app;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The province's card-management service ({@code pindesk.cardservice.*}, ADR 0029). The pin,
 * credentials and profile files are read by the wiring ({@code SamSetup}).
 *
 * @param url its {@code https://} URL
 * @param pin {@code sha256/BASE64} of its key, or its certificate file
 * @param credentials the file with this counter's client id and secret
 * @param profile the wire profile: a built-in id or a JSON file
 * @param terminalCode the terminal code sent ({@code zdbm}); the workstation id by default
 * @param timeout how long to wait for an answer
 */
record CardServiceChoice(
    java.net.URI url,
    String pin,
    Path credentials,
    String profile,
    String terminalCode,
    Duration timeout) {}
