import Foundation

/// Works out a workshop's team views from its finished sessions. Pure: the same answers always
/// give the same views. The rules are in `docs/scoring.md`.
public struct TeamViewBuilder: Sendable {
    public let script: Script
    var rules: TeamRules { script.workshop.rules }

    public init(script: Script) { self.script = script.scoped(to: nil) }

    /// One view per organization + initiative, ordered by organization then initiative. With the
    /// sessions of an earlier workshop, each view also shows where its team moved since.
    public func teams(from sessions: [WorkshopAnswers], since earlier: [WorkshopAnswers] = []) -> [TeamView] {
        let before = Dictionary(grouped(earlier).map { ($0.key, view(of: $0.sessions, key: $0.key)) }, uniquingKeysWith: { $1 })
        return grouped(sessions).map { group in
            var view = view(of: group.sessions, key: group.key)
            if let previous = before[group.key] { view.movement = movement(from: previous, to: view) }
            return view
        }
    }

    /// Sessions grouped by team, in key order; a session without a perspective, organization or
    /// initiative belongs to none.
    func grouped(_ sessions: [WorkshopAnswers]) -> [(key: TeamKey, sessions: [WorkshopAnswers])] {
        var groups: [TeamKey: [WorkshopAnswers]] = [:]
        for session in sessions.sorted(by: { $0.sessionID < $1.sessionID }) {
            guard session.perspective != nil, let names = names(in: session) else { continue }
            groups[TeamKey(organization: names.organization, initiative: names.initiative), default: []].append(session)
        }
        return groups.keys.sorted().map { ($0, groups[$0] ?? []) }
    }

    /// The team a session belongs to; `nil` before it named its organization and initiative.
    public func key(of session: WorkshopAnswers) -> TeamKey? {
        names(in: session).map { TeamKey(organization: $0.organization, initiative: $0.initiative) }
    }

    private func names(in session: WorkshopAnswers) -> (organization: String, initiative: String)? {
        let wording = AnswerWording(script: script)
        guard let organization = wording.value(of: .organization, in: session.answers)?.trimmed(of: .whitespacesAndNewlines),
            let initiative = wording.value(of: .initiative, in: session.answers)?.trimmed(of: .whitespacesAndNewlines),
            !organization.isEmpty, !initiative.isEmpty
        else { return nil }
        return (organization, initiative)
    }

    func view(of sessions: [WorkshopAnswers], key: TeamKey) -> TeamView {
        let people = sessions.compactMap(person)
        let members = people.filter { $0.perspective == .member }
        let partners = people.filter { $0.perspective == .partner }
        let dimensions = EngagementDimension.allCases.map { dimension(of: $0, members: members, partners: partners) }
        var flags = dimensions.flatMap(\.flags)
        let desired = members.compactMap(\.desired).sorted()
        if let lowest = desired.first, let highest = desired.last, highest.rawValue - lowest.rawValue >= rules.levelsApart {
            flags.append(.desiredApart)
        }
        if Set(members.compactMap(\.benefit)).count > 1 { flags.append(.benefitMixed) }
        if Set(members.compactMap(\.sharedGoals)).count > 1 { flags.append(.sharedGoalsMixed) }
        let first = sessions.first.flatMap(names) ?? (key.organization, key.initiative)
        let recommendation = TeamRecommender(script: script).recommend(members: members, dimensions: dimensions)
        let discussion = DiscussionWriter(script: script).questions(
            flags: flags, dimensions: dimensions, members: members, initiative: first.initiative)
        return TeamView(
            key: key, organization: first.organization, initiative: first.initiative, members: members, partners: partners,
            dimensions: dimensions, flags: flags, recommendation: recommendation, discussion: discussion)
    }

    /// One session's levels, read through the version of the script it ran.
    public func person(_ session: WorkshopAnswers) -> TeamPerson? {
        guard let perspective = session.perspective else { return nil }
        let steps = perspective == .partner ? script.workshop.partnerSteps : script.steps
        let answers = session.answers
        func level(_ step: Step?) -> EngagementLevel? {
            guard let step, let id = answers[step.id]?.optionID else { return nil }
            return step.option(id)?.levels?.highest
        }
        var levels: [EngagementDimension: EngagementLevel] = [:]
        for dimension in EngagementDimension.allCases {
            levels[dimension] = level(steps.first { $0.role == .current && $0.dimension == dimension })
        }
        func option(_ role: StepRole) -> String? { steps.first { $0.role == role }.flatMap { answers[$0.id]?.optionID } }
        return TeamPerson(
            sessionID: session.sessionID, perspective: perspective, levels: levels,
            desired: level(steps.first { $0.role == .desired }), benefit: option(.benefit), sharedGoals: option(.sharedGoals),
            wordsLevel: level(steps.first { $0.role == .wordsLevel }))
    }

    private func dimension(
        of dimension: EngagementDimension, members: [TeamPerson], partners: [TeamPerson]
    ) -> TeamDimension {
        let memberLevels = members.compactMap { $0.levels[dimension] }.sorted()
        let partnerLevels = partners.compactMap { $0.levels[dimension] }.sorted()
        let middle = Self.middle(memberLevels)
        let partnerMiddle = Self.middle(partnerLevels)
        let spread = (memberLevels.last?.rawValue ?? 0) - (memberLevels.first?.rawValue ?? 0)
        var flags: [TeamFlag] = []
        if memberLevels.count > 1, spread >= rules.levelsApart { flags.append(.membersApart(dimension)) }
        if let middle, let partnerMiddle, middle.rawValue - partnerMiddle.rawValue >= rules.partnersBelow {
            flags.append(.partnersBelow(dimension))
        }
        return TeamDimension(
            dimension: dimension, memberLevels: memberLevels, partnerLevels: partnerLevels, middle: middle,
            partnerMiddle: partnerMiddle, spread: spread, flags: flags)
    }

    private func movement(from before: TeamView, to now: TeamView) -> [TeamMovement] {
        EngagementDimension.allCases.compactMap { dimension in
            guard let then = before.dimension(dimension)?.middle, let current = now.dimension(dimension)?.middle else {
                return nil
            }
            return TeamMovement(dimension: dimension, before: then, now: current)
        }
    }

    /// The median of values in order; for an even count, the lower of the two middle ones.
    // why: the lower middle keeps a team's picture cautious, as the overall level is the lowest
    // row: a team split evenly has not yet reached the higher level together.
    public static func middle<Value>(_ sorted: [Value]) -> Value? {
        sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
    }
}
