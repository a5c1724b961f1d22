/// Three to five questions for a team's discussion, from its flags and the templates in
/// `Prompts/workshop.yaml`; the guide's own questions fill in when there are few flags.
struct DiscussionWriter {
    let script: Script

    func questions(flags: [TeamFlag], dimensions: [TeamDimension], members: [TeamPerson], initiative: String) -> [String] {
        let content = script.workshop
        var questions: [String] = []
        let apart = dimensions.filter { $0.flags.contains(.membersApart($0.dimension)) }
        // why: the widest disagreement first; the sort is stable, so ties keep the chart's order.
        for row in apart.sorted(by: { $0.spread > $1.spread }) {
            questions.append(template(.membersApart).render(["groups": groups(row)]))
        }
        for row in dimensions where row.flags.contains(.partnersBelow(row.dimension)) {
            guard let members = row.middle, let partners = row.partnerMiddle else { continue }
            questions.append(
                template(.partnersBelow).render([
                    "dimension": dimensionName(row.dimension), "members": levelName(members), "partners": levelName(partners),
                ]))
        }
        let desired = members.compactMap(\.desired).sorted()
        if flags.contains(.desiredApart), let lowest = desired.first, let highest = desired.last {
            questions.append(template(.desiredApart).render(["lowest": levelName(lowest), "highest": levelName(highest)]))
        }
        if flags.contains(.benefitMixed), let step = script.step(for: .benefit) {
            questions.append(
                template(.benefitMixed).render([
                    "initiative": initiative, "answers": tally(members.compactMap(\.benefit), on: step),
                ]))
        }
        if flags.contains(.sharedGoalsMixed), let step = script.step(for: .sharedGoals) {
            questions.append(
                template(.sharedGoalsMixed).render([
                    "initiative": initiative, "answers": tally(members.compactMap(\.sharedGoals), on: step),
                ]))
        }
        for general in content.generalQuestions where questions.count < 3 {
            questions.append(general.render(["initiative": initiative]))
        }
        return questions.prefix(content.rules.questions).map(ListWording.capitalized)
    }

    /// "two of you see decision-making at Informing and three at Involving".
    private func groups(_ row: TeamDimension) -> String {
        var counts: [(level: EngagementLevel, count: Int)] = []
        for level in row.memberLevels {
            if counts.last?.level == level { counts[counts.count - 1].count += 1 } else { counts.append((level, 1)) }
        }
        let parts = counts.enumerated().map { index, group in
            index == 0
                ? template(group.count == 1 ? .groupFirstOne : .groupFirst).render([
                    "count": script.workshop.number(group.count), "dimension": dimensionName(row.dimension),
                    "level": levelName(group.level),
                ])
                : template(.groupMore).render(["count": script.workshop.number(group.count), "level": levelName(group.level)])
        }
        return ListWording(script: script).join(parts)
    }

    /// "two Yes and one Maybe", in the script's order of the options.
    private func tally(_ ids: [String], on step: Step) -> String {
        let parts = step.options.compactMap { option -> String? in
            let count = ids.filter { $0 == option.id }.count
            return count == 0 ? nil : "\(script.workshop.number(count)) \(option.shortLabel)"
        }
        return ListWording(script: script).join(parts)
    }

    private func dimensionName(_ dimension: EngagementDimension) -> String {
        ListWording.inSentence(script.chart.row(dimension)?.name ?? dimension.rawValue)
    }

    private func levelName(_ level: EngagementLevel) -> String { script.chart.name(of: level) }

    private func template(_ key: DiscussionKey) -> Template { script.workshop.discussion[key] ?? Template("") }
}
