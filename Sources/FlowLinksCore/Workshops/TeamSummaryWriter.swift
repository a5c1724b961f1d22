/// The team view as a participant may see it in the chat: nothing until enough people answered,
/// no names, and each aggregate only when it covers enough people.
struct TeamSummaryWriter {
    let script: Script

    func participantSummary(of view: TeamView?, initiative: String) -> String {
        let content = script.workshop
        let minimum = content.rules.minimumPeople
        guard let view, view.people >= minimum else {
            return content.message(.teamTooFew).render([
                "initiative": initiative, "minimum": "\(minimum)", "count": "\(view?.people ?? 0)",
            ])
        }
        var lines = [
            content.message(.teamHeading).render([
                "initiative": view.initiative, "organization": view.organization, "members": "\(view.members.count)",
                "partners": "\(view.partners.count)",
            ])
        ]
        let chart = script.chart
        for row in view.dimensions {
            let name = chart.row(row.dimension)?.name ?? row.dimension.rawValue
            guard view.members.count >= minimum, let middle = row.middle, let lowest = row.memberLevels.first,
                let highest = row.memberLevels.last
            else {
                lines.append(content.message(.teamDimensionHidden).render(["dimension": name, "minimum": "\(minimum)"]))
                continue
            }
            lines.append(
                content.message(.teamDimension).render([
                    "dimension": name, "middle": chart.name(of: middle), "lowest": chart.name(of: lowest),
                    "highest": chart.name(of: highest),
                ]))
        }
        if view.partners.count >= minimum {
            for row in view.dimensions {
                guard let middle = row.partnerMiddle else { continue }
                let name = ListWording.inSentence(chart.row(row.dimension)?.name ?? row.dimension.rawValue)
                lines.append(content.message(.teamPartners).render(["dimension": name, "middle": chart.name(of: middle)]))
            }
        } else {
            lines.append(content.message(.teamPartnersHidden).render(["minimum": "\(minimum)"]))
        }
        if view.members.count >= minimum, let recommendation = view.recommendation?.recommendation {
            lines.append(
                content.message(.teamRecommendation).render(["level": chart.name(of: recommendation.recommended)]))
        }
        return lines.joined(separator: "\n")
    }
}
