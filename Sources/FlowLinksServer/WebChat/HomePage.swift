import FlowLinksCore
import Hummingbird

/// `/`: what a person who opens the server's address needs: the web chat, and sign-in for facilitators.
struct HomePage {
    let language: Language
    let webchat: Bool

    func render() -> HTML {
        let chat: HTML =
            webchat
            ? """
            <p>\(language.message(.chatIntro).render())</p>
            <p><a class="button" href="/chat">\(language.message(.chatStart).render())</a></p>
            """
            : ""
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>FlowLinks</title>
            <link rel="stylesheet" href="/chat/chat.css">
            </head>
            <body>
            <header class="chat-head"><h1>FlowLinks</h1></header>
            <main id="main" class="home">
            \(chat)
            <p>Facilitators: <a href="/facilitator/login">sign in</a> to review sessions.</p>
            </main>
            </body>
            </html>
            """
    }

    static func add(to router: Router<ServerRequestContext>, language: Language, webchat: Bool) {
        router.group("").add(middleware: SecurityHeadersMiddleware(policy: .pages)).get("") { _, _ in
            Response.html(HomePage(language: language, webchat: webchat).render())
        }
    }
}
