/// What kind of entity a name denotes.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
  /// A person.
  case person
  /// A place: city, country, region.
  case place
  /// An organization.
  case organization
  /// Not known.
  case unknown

  /// Parses a gazetteer type column leniently ("PER", "loc", "country" …).
  public init(gazetteerValue raw: Substring) {
    switch raw.lowercased() {
    case "person", "per", "people", "human": self = .person
    case "place", "loc", "location", "gpe", "city", "country", "region", "town", "locality": self = .place
    case "organization", "organisation", "org", "company": self = .organization
    default: self = .unknown
    }
  }

  var code: UInt8 { UInt8(Self.allCases.firstIndex(of: self) ?? 3) }
  init(code: UInt8) { self = code < 4 ? Self.allCases[Int(code)] : .unknown }
}
