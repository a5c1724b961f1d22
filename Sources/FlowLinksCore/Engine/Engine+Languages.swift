import Foundation

/// Choosing the language of a conversation: from the platform's or browser's locale, from a first
/// message that greets in a language ("hola"), and at any time with its name ("español", "english").
extension Engine {
    /// A new conversation, held in the language its first message greets in, else the one the
    /// platform's locale names, else the content's default. A join request (`/start CODE`) still joins.
    public func begin(now: Date, saying text: String, locale: String?) -> Turn {
        let code = script.language(greetingWith: text) ?? script.language(forLocale: locale)
        return inLanguage(code).begin(now: now, saying: text)
    }

    /// A new conversation in the language the locale names (a terminal's `--language`, a browser's).
    public func begin(now: Date, locale: String?) -> Turn {
        inLanguage(script.language(forLocale: locale)).begin(now: now)
    }

    /// The engine that speaks this language; itself for `nil` or a language the content lacks.
    public func inLanguage(_ code: String?) -> Engine {
        guard let code, code != script.language.choosing.code, script.translations[code] != nil else { return self }
        return Engine(script: script.translated(to: code), idleTimeout: idleTimeout, maxAnswerLength: maxAnswerLength)
    }

    /// "español" or "english" as the whole reply: the conversation continues in that language,
    /// with the question it was at. `nil` for any other reply.
    func switchLanguage(_ text: String, in state: SessionState, now: Date) -> Turn? {
        guard let code = script.language(switchingWith: text) else { return nil }
        var state = state
        state.language = code
        state.lastActivity = now
        // why: like a command, a switch sets a waiting confirmation or reading aside.
        state.pendingConfirmation = nil
        state.pendingReading = nil
        if state.status == .paused { state.status = .active }
        let target = rescoped(for: state) ?? self
        let switched = OutboundMessage(target.script.language.message(.languageSwitched).render())
        return Turn(state: state, replies: [switched] + target.resume(state))
    }
}
