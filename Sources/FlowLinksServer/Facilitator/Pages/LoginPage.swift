/// The sign-in form.
struct LoginPage {
    /// The token the form echoes back, matched against the sign-in cookie (login CSRF).
    let csrfToken: String
    var message: String?
    var username = ""

    func render() -> HTML {
        let notice: HTML = message.map { "<p class=\"notice\" role=\"alert\">\($0)</p>" } ?? ""
        return Layout(title: "Sign in", session: nil).page(
            """
            <h1>Sign in</h1>
            \(notice)
            <form method="post" action="/facilitator/login" class="stacked">
            <input type="hidden" name="csrf" value="\(csrfToken)">
            <label for="username">Username</label>
            <input id="username" name="username" autocomplete="username" required value="\(username)">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form>
            """)
    }
}
