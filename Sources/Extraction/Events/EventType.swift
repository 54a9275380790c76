/// What kind of thing happened. Coarse on purpose: the categories park
/// offices and analysts sort news by.
public enum EventType: String, Sendable, Codable, CaseIterable, Comparable {
    case signing, groundbreaking, opening, completion, meeting, visit, award, policy

    /// Chinese label for tables.
    public var label: String {
        switch self {
        case .signing: return "签约"
        case .groundbreaking: return "开工"
        case .opening: return "启用"
        case .completion: return "竣工"
        case .meeting: return "会议"
        case .visit: return "考察"
        case .award: return "获奖"
        case .policy: return "政策"
        }
    }

    /// The class an act belongs to: building (groundbreaking, opening,
    /// completion) and gatherings (meeting, visit) are each one class, so one
    /// clause reporting `开工建设并投用` or `考察并座谈` is one act.
    public var coarse: String {
        switch self {
        case .groundbreaking, .opening, .completion: return "building"
        case .meeting, .visit: return "gathering"
        default: return rawValue
        }
    }

    public static func < (lhs: EventType, rhs: EventType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
