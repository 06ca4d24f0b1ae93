import Testing
@testable import translit
