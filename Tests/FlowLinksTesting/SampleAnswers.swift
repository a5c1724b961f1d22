/// Replies that walk the default script, for tests.
public enum SampleAnswers {
    /// The replies that answer the default script up to and including the desired level.
    public static let throughDesiredLevel = [
        "Riverside Family Services", "Parent Cafe", "Weekly drop-in for parents",
        "yes — partners reach families we can't", "some, the school district", "2", "1", "3", "4",
    ]

    /// A complete session of the default script; it ends recommending Involving.
    public static let complete =
        throughDesiredLevel + [
            "More trust and better turnout", "We value your feedback and want to work together", "yes",
            "We will co-host planning meetings",
        ]
}
