package dev.pindesk.domain.id;

/**
 * Documents that carry an 18-character GB 11643 style number with the same check character. The
 * kind follows from the leading digits.
 */
public enum CitizenIdKind {
  /** Resident identity card: the first 6 digits are the administrative region code. */
  RESIDENT,
  /** Foreigner's permanent residence ID card: starts with 9. */
  PERMANENT_RESIDENCE,
  /** Residence permit for Hong Kong residents: starts with 81. */
  HK_RESIDENCE_PERMIT,
  /** Residence permit for Macao residents: starts with 82. */
  MACAO_RESIDENCE_PERMIT,
  /** Residence permit for Taiwan residents: starts with 83. */
  TAIWAN_RESIDENCE_PERMIT;

  /**
   * The kind for a number's leading digits; needs at least the first two characters to tell a
   * residence permit from a resident ID.
   */
  static CitizenIdKind ofPrefix(CharSequence id) {
    if (id.charAt(0) == '9') {
      return PERMANENT_RESIDENCE;
    }
    if (id.charAt(0) == '8') {
      switch (id.charAt(1)) {
        case '1':
          return HK_RESIDENCE_PERMIT;
        case '2':
          return MACAO_RESIDENCE_PERMIT;
        case '3':
          return TAIWAN_RESIDENCE_PERMIT;
        default:
          break;
      }
    }
    return RESIDENT;
  }
}
