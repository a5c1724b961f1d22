/// The languages one `Prompts/` folder speaks: its own (the default) and its translations.
extension Script {
    /// Every language's code, this script's first.
    public var languageCodes: [String] { [language.choosing.code] + translations.keys.sorted() }

    /// Every language's choice: code, name and the words that choose it, this script's first.
    public var languageChoices: [LanguageChoice] {
        [language.choosing] + translations.keys.sorted().compactMap { translations[$0]?.language.choosing }
    }

    /// This content in the language with this code, in the same workshop version; itself for
    /// `nil`, its own code or a language it does not have.
    public func translated(to code: String?) -> Script {
        guard let code, code != language.choosing.code, let target = translations[code] else { return self }
        // why: each language keeps the others, so a conversation can switch back and forth.
        var home = scoped(to: nil)
        home.translations = [:]
        var others = translations
        others[code] = nil
        others[language.choosing.code] = home
        var translated = target
        translated.translations = others
        return translated.scoped(to: scope)
    }

    /// The language a platform's or browser's locale names, if this content speaks it.
    public func language(forLocale locale: String?) -> String? {
        guard let locale else { return nil }
        return languageChoices.first { $0.matches(locale: locale) }?.code
    }

    /// The language a typed phrase switches to ("español"), if it is one of them.
    func language(switchingWith text: String) -> String? {
        let normalized = Self.bareWords(text)
        return languageChoices.first { $0.switchWords.contains(normalized) }?.code
    }

    /// The language a conversation's first message greets in ("hola"), or switches to.
    func language(greetingWith text: String) -> String? {
        let normalized = Self.bareWords(text)
        guard !normalized.isEmpty else { return nil }
        if let code = language(switchingWith: text) { return code }
        // why: "hola, buenas tardes" greets as surely as "hola"; a greeting opens the message.
        return languageChoices.first { choice in
            choice.greetings.contains { normalized == $0 || normalized.hasPrefix($0 + " ") }
        }?.code
    }

    /// A short reply without punctuation or a leading "/": "¡Español!" reads as "espanol".
    private static func bareWords(_ text: String) -> String {
        guard text.utf8.count <= 64 else { return "" }
        return TextNormalizer.words(text).joined(separator: " ")
    }
}

extension Script {
    /// The name of a language this content speaks, by code; the default's for `nil`, the code
    /// itself for a language it no longer has.
    public func languageName(of code: String?) -> String {
        guard let code else { return language.choosing.name }
        return languageChoices.first { $0.code == code }?.name ?? code
    }
}
