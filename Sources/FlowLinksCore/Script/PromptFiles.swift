/// The files of a `Prompts/` folder as they are written, before validation.
enum PromptFiles {
    struct ScriptFile: Decodable {
        let version: String
        let welcome: String
        let steps: [StepEntry]
    }

    struct StepEntry: Decodable {
        let id: String
        let kind: String
        let role: String?
        let required: Bool?
        let question: String
        let why: String
        let note: String?
        let options: [OptionEntry]?
        let optionsFrom: String?
        let dependsOn: [String]?
        let askIfAnswered: String?

        enum CodingKeys: String, CodingKey {
            case id, kind, role, required, question, why, note, options
            case optionsFrom = "options_from"
            case dependsOn = "depends_on"
            case askIfAnswered = "ask_if_answered"
        }
    }

    struct OptionEntry: Decodable {
        let id: String
        let label: String
        let means: String?
        let words: [String]?
    }

    struct ChartFile: Decodable {
        let levels: [LevelEntry]
        let dimensions: [DimensionEntry]
    }

    struct LevelEntry: Decodable {
        let key: String
        let number: Int
        let name: String
        let summary: String
        let words: [String]?
    }

    struct DimensionEntry: Decodable {
        let key: String
        let name: String
        let row: String
        let cells: [CellEntry]
    }

    struct CellEntry: Decodable {
        let id: String
        let levels: [Int]
        let text: String
        let words: [String]?
    }

    struct LanguageFile: Decodable {
        let stemmer: String
        let choosing: ChoosingEntry
        let answers: [String: [String]]
        let ignoredWords: [String]
        let commands: [String: [String]]
        let messages: [String: String]
        let reading: ReadingEntry

        enum CodingKeys: String, CodingKey {
            case stemmer, choosing, answers, commands, messages, reading
            case ignoredWords = "ignored_words"
        }
    }

    struct ChoosingEntry: Decodable {
        let code: String
        let name: String
        let `switch`: [String]
        let greetings: [String]
    }

    struct ReadingEntry: Decodable {
        let numberWords: [String]
        let numbers: [String: [String]]
        let last: [String]
        let middle: [String]
        let fillers: [String]
        let noteOpeners: [String]
        let joiners: [String]
        let negators: [String]
        let modifiers: [String]
        let hedges: [String]
        let contrasts: [String]
        let comparisons: [String]
        let counted: [String]
        let limiters: [String]
        let genericWords: [String]
        let commonWords: [String]

        enum CodingKeys: String, CodingKey {
            case numbers, last, middle, fillers, joiners, negators, modifiers, hedges, contrasts, comparisons, counted, limiters
            case numberWords = "number_words"
            case noteOpeners = "note_openers"
            case genericWords = "generic_words"
            case commonWords = "common_words"
        }
    }

    struct ScoringFile: Decodable {
        let fitCeiling: [String: [String: Int]]
        let wordsGapFlag: Int
        let wordsHints: [String: [String]]

        enum CodingKeys: String, CodingKey {
            case fitCeiling = "fit_ceiling"
            case wordsGapFlag = "words_gap_flag"
            case wordsHints = "words_hints"
        }
    }

    struct ActionsFile: Decodable {
        let nextActions: [String: [String: [String]]]
        let sustain: [String: [String]]

        enum CodingKeys: String, CodingKey {
            case sustain
            case nextActions = "next_actions"
        }
    }

    /// `result.yaml`: sentences, some grouped one level deep (`fit.matches`).
    struct ResultFile: Decodable {
        let templates: [String: String]

        init(from decoder: Decoder) throws {
            let groups = try decoder.singleValueContainer().decode([String: TextOrGroup].self)
            var flat: [String: String] = [:]
            for (key, value) in groups {
                switch value {
                case .text(let text): flat[key] = text
                case .group(let members): for (name, text) in members { flat["\(key).\(name)"] = text }
                }
            }
            templates = flat
        }
    }

    enum TextOrGroup: Decodable {
        case text(String)
        case group([String: String])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .group(try container.decode([String: String].self))
            }
        }
    }
}

extension PromptFiles {
    /// `workshop.yaml`.
    struct WorkshopFile: Decodable {
        let requests: [String: [String]]
        let perspective: PerspectiveEntry
        let partnerSteps: [StepEntry]
        let messages: [String: String]
        let teamView: TeamViewEntry
        let numbers: [String]
        let and: String
        let discussion: DiscussionEntry
        let reasoning: [String: String]

        enum CodingKeys: String, CodingKey {
            case requests, perspective, messages, numbers, and, discussion, reasoning
            case partnerSteps = "partner_steps"
            case teamView = "team_view"
        }
    }

    struct PerspectiveEntry: Decodable {
        let question: String
        let why: String
        let member: String
        let memberWords: [String]?
        let partner: String
        let partnerWords: [String]?

        enum CodingKeys: String, CodingKey {
            case question, why, member, partner
            case memberWords = "member_words"
            case partnerWords = "partner_words"
        }
    }

    struct TeamViewEntry: Decodable {
        let minimumPeople: Int
        let levelsApart: Int
        let partnersBelow: Int
        let questions: Int

        enum CodingKeys: String, CodingKey {
            case questions
            case minimumPeople = "minimum_people"
            case levelsApart = "levels_apart"
            case partnersBelow = "partners_below"
        }
    }

    /// `discussion:`: templates by key, and the list of general questions.
    struct DiscussionEntry: Decodable {
        let templates: [String: String]
        let general: [String]

        init(from decoder: Decoder) throws {
            var templates = try decoder.singleValueContainer().decode([String: TextOrList].self)
            guard case .list(let general) = templates.removeValue(forKey: "general") else {
                throw DecodingError.keyNotFound(
                    AnyKey("general"), .init(codingPath: decoder.codingPath, debugDescription: "a list of questions"))
            }
            self.general = general
            self.templates = templates.compactMapValues { if case .text(let text) = $0 { text } else { nil } }
        }
    }

    enum TextOrList: Decodable {
        case text(String)
        case list([String])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .list(try container.decode([String].self))
            }
        }
    }

    struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
