/// The replies of people in the test workshop: members and partners of Riverside Family Services'
/// Parent Cafe who see it differently, and two members of Northside Clinic's Teen Health who agree.
/// The team view they make is the worked example in `docs/scoring.md`.
public enum WorkshopPeople {
    public static let riverside = "Riverside Family Services"
    public static let parentCafe = "Parent Cafe"
    public static let northside = "Northside Clinic"
    public static let teenHealth = "Teen Health"

    /// A member's replies, from the member-or-partner question to the last one. Levels are 1–5;
    /// `resources` is 3 for the shared cell "remain within the organization", 4 or 5.
    public static func member(
        _ organization: String, _ initiative: String, benefit: String, sharedGoals: String, communication: Int,
        resources: Int, decisions: Int, desired: Int, wordsLevel: Int
    ) -> [String] {
        [
            "1", organization, initiative, "A weekly drop-in for parents", benefit, sharedGoals, "\(communication)",
            "\(resources - 2)", "\(decisions)", "\(desired)", "More families would come", "We value your feedback",
            "\(wordsLevel)", "Plan the next season together",
        ]
    }

    /// A partner's replies, from the member-or-partner question to the last one.
    public static func partner(
        _ organization: String, _ initiative: String, communication: Int, resources: Int, decisions: Int, wordsLevel: Int
    ) -> [String] {
        [
            "2", organization, initiative, "\(communication)", "\(resources - 2)", "\(decisions)",
            "They say they want to work together", "\(wordsLevel)", "Ask us before the plan is final",
        ]
    }

    /// Riverside's three members, who disagree on communication, decisions, desired level, benefit and shared goals.
    public static let riversideMembers = [
        member(
            riverside, parentCafe, benefit: "yes", sharedGoals: "some", communication: 2, resources: 3, decisions: 2, desired: 4,
            wordsLevel: 5),
        member(
            riverside, parentCafe, benefit: "yes", sharedGoals: "yes", communication: 3, resources: 4, decisions: 4, desired: 5,
            wordsLevel: 4),
        member(
            riverside, parentCafe, benefit: "maybe", sharedGoals: "some", communication: 4, resources: 3, decisions: 4,
            desired: 3, wordsLevel: 4),
    ]

    /// Riverside's two partners, who experience less than the members see.
    public static let riversidePartners = [
        partner(riverside, parentCafe, communication: 2, resources: 3, decisions: 2, wordsLevel: 4),
        partner(riverside, parentCafe, communication: 1, resources: 3, decisions: 1, wordsLevel: 5),
    ]

    /// Northside's two members, who agree.
    public static let northsideMembers = [
        member(
            northside, teenHealth, benefit: "yes", sharedGoals: "yes", communication: 3, resources: 4, decisions: 3, desired: 4,
            wordsLevel: 3),
        member(
            northside, teenHealth, benefit: "yes", sharedGoals: "yes", communication: 3, resources: 4, decisions: 3, desired: 4,
            wordsLevel: 3),
    ]
}
