extension Script {
    /// The result `answers` come to, written in this script's language; `nil` while a required
    /// answer is missing. A facilitator reads a session held in another language through this, so
    /// level names, next actions and reasoning are in the pages' language and the person's own
    /// words are quoted as given.
    public func result(of answers: [StepID: Answer]) -> SessionResult? {
        guard let recommendation = Recommender(script: self).recommend(from: answers) else { return nil }
        return ResultWriter(script: self).write(recommendation, answers: answers)
    }
}
