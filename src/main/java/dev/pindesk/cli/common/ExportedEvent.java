package dev.pindesk.cli.common;

import java.util.Map;

/**
 * One event entry of an exported journal: its decrypted members (empty when this key could not
 * decrypt it), whether its entry verified, and the error when it did not decrypt or verify.
 */
public record ExportedEvent(
    long seq, Map<String, Object> members, boolean verified, String error) {}
