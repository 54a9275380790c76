import Testing
@testable import Timeline
@Test func placeholder() {}
