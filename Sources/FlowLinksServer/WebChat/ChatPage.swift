import FlowLinksCore
import FlowLinksStore

/// The web chat page: the conversation so far, the current question's choices as buttons, the
/// answer box, and the tools (help, start over, delete my data). Works as plain forms; the
/// script only saves the reload.
struct ChatPage {
    let language: Language
    let lines: [TranscriptLine]
    /// The session the lines belong to; its choices' buttons carry it.
    let sessionID: Int64?
    let csrf: String
    /// A fresh id for whatever the page sends next, so a form sent twice is taken once.
    let messageID: String
    /// A notice to show above the answer box (the slow-down).
    let notice: String?
    let pagePath: String
    /// The workshop code of a `/chat/CODE` link: the start button joins it.
    var joinCode: String? = nil
    /// Whether the conversation's session is already in that workshop.
    var joined = false
    /// The workshop button's words.
    var joinLabel = ""

    func render() -> HTML {
        ChatFrame(language: language).page(
            """
            <ol class="messages" id="messages">\(messages)</ol>
            \(noticeLine)
            <div class="choices" id="choices">\(choices)\(joinButton)</div>
            \(compose)
            <div class="visually-hidden" role="status" aria-live="polite" id="announce"></div>
            <nav class="tools" aria-label="\(word(.chatHelp))">\(tool(.chatHelp, sends: "help"))\
            \(tool(.chatStartOver, sends: "restart"))\(tool(.chatDelete, sends: "delete my data"))</nav>
            <p class="privacy">\(word(.chatPrivacy))</p>
            """)
    }

    private var messages: HTML {
        guard !lines.isEmpty else {
            return "<li class=\"bot\" id=\"latest\" tabindex=\"-1\"><p class=\"text\">\(word(.chatIntro))</p></li>"
        }
        let lastOutbound = lines.lastIndex { $0.direction == .outbound }
        let items: [HTML] = lines.indices.map { index in
            let line = lines[index]
            let bot = line.direction == .outbound
            let who = bot ? word(.chatBot) : word(.chatYou)
            let anchor: HTML = index == lastOutbound ? " id=\"latest\" tabindex=\"-1\"" : ""
            return """
                <li class="\(bot ? "bot" : "person")"\(anchor)><p class="who">\(who)</p><p class="text">\(line.text)</p></li>
                """
        }
        return "\(items)"
    }

    private var noticeLine: HTML {
        guard let notice else { return "" }
        return "<p class=\"notice\" role=\"alert\">\(notice)</p>"
    }

    /// The latest question's choices, each its own small form, so a press sends its label too.
    private var choices: HTML {
        guard lines.last?.direction == .outbound, let sessionID, let offered = lines.last?.choices, !offered.isEmpty else {
            return lines.isEmpty ? start : ""
        }
        // why: the unnumbered choice (0) is the "Yes, that's it" of a reading checked with the person.
        let buttons: [HTML] = offered.map { choice in
            let value = choice.question.map { ChoicePress(sessionID: sessionID, question: $0, option: choice.number).token }
            return """
                <form method="post" action="/chat" class="send">\(hidden)\
                <input type="hidden" name="choice" value="\(value ?? choice.value)">\
                <input type="hidden" name="label" value="\(choice.label)">\
                <button type="submit">\(choice.number > 0 ? "\(choice.number). " : "")\(choice.label)</button></form>
                """
        }
        return "\(buttons)"
    }

    private var start: HTML {
        """
        <form method="post" action="/chat" class="send">\(hidden)\
        <input type="hidden" name="text" value="\(joinCode.map { "join \($0)" } ?? opening)">\
        <button type="submit" class="start">\(word(.chatStart))</button></form>
        """
    }

    /// On a workshop's link, once a conversation is under way outside it: the button that joins.
    private var joinButton: HTML {
        guard let joinCode, !joined, !lines.isEmpty else { return "" }
        return """
            <form method="post" action="/chat" class="send">\(hidden)<input type="hidden" name="text" value="join \(joinCode)">\
            <button type="submit" class="start">\(joinLabel)</button></form>
            """
    }

    private var compose: HTML {
        guard !lines.isEmpty else { return "" }
        return """
            <form method="post" action="/chat" class="send compose" id="compose">\(hidden)
            <label for="answer">\(word(.chatAnswerLabel))</label>
            <div class="row"><textarea id="answer" name="text" rows="2" maxlength="2000" required></textarea>\
            <button type="submit">\(word(.chatSend))</button></div>
            </form>
            """
    }

    private func tool(_ key: MessageKey, sends text: String) -> HTML {
        guard !lines.isEmpty else { return "" }
        return """
            <form method="post" action="/chat" class="send tool">\(hidden)<input type="hidden" name="text" value="\(text)">\
            <button type="submit">\(word(key))</button></form>
            """
    }

    private var hidden: HTML {
        """
        <input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="message_id" value="\(messageID)">\
        <input type="hidden" name="page" value="\(pagePath)">
        """
    }

    private func word(_ key: MessageKey) -> String { language.message(key).render() }

    /// What the start button sends: a greeting in the page's language, which keeps the conversation in it.
    private var opening: String { language.choosing.greetings.first ?? "hello" }
}

/// The frame of the chat's pages: head, title, the script that saves reloads.
struct ChatFrame {
    let language: Language

    func page(_ body: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="\(language.choosing.code)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(language.message(.chatTitle).render())</title>
        <link rel="stylesheet" href="/chat/chat.css">
        <script src="/chat/chat.js" defer></script>
        </head>
        <body data-bot="\(language.message(.chatBot).render())" data-you="\(language.message(.chatYou).render())">
        <header class="chat-head"><a class="skip" href="#main">\(language.message(.chatSkip).render())</a>\
        <h1>\(language.message(.chatTitle).render())</h1></header>
        <main id="main">
        \(body)
        </main>
        </body>
        </html>
        """
    }
}

/// A request the chat could not take, as a page with the way back (for a plain form post).
struct ChatProblemPage {
    let language: Language
    let message: String

    func render() -> HTML {
        ChatFrame(language: language).page(
            """
            <p class="notice" role="alert">\(message)</p>
            <p><a href="/chat">\(language.message(.chatBack).render())</a></p>
            """)
    }
}
