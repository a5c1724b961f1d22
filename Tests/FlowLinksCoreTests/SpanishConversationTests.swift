import FlowLinksTesting
import Foundation
import Testing

@testable import FlowLinksCore

/// A whole conversation in Spanish: chosen by a greeting, a locale or "español", kept by the
/// session, with Spanish questions, commands, readings and result.
@Suite struct SpanishConversationTests {
    static let spanish = DefaultPrompts.script.translated(to: "es")

    /// Replies that walk a Spanish session to its end, one per question.
    static let wholeSession = [
        "Servicios Familiares del Valle", "Café para Padres", "Apoyar a madres y padres de familia",
        "sí, los socios llegan a familias que no conocemos", "algunos", "les mandamos un boletín", "sí",
        "la primera", "nosotros decidimos", "nivel 4", "mejores resultados para las familias",
        "queremos escuchar a las familias", "consultar", "invitar a los socios a planear",
    ]

    @Test func aGreetingInSpanishHoldsTheConversationInSpanish() {
        let conversation = Conversation(saying: "hola")
        #expect(conversation.state.language == "es")
        let texts = conversation.lastTurn.replies.map(\.text)
        #expect(texts.first?.hasPrefix("Hola, soy FlowLinks") == true)
        #expect(texts.last == "Primero, ¿cómo se llama su organización?")
    }

    @Test(arguments: ["es", "es-MX", "es_419", "ES"])
    func aSpanishLocaleHoldsTheConversationInSpanish(_ locale: String) {
        #expect(Conversation(saying: "/start", locale: locale).state.language == "es")
    }

    @Test(arguments: [nil, "en", "en-US", "fr", "pt-BR"])
    func otherLocalesKeepTheDefaultLanguage(_ locale: String?) {
        #expect(Conversation(saying: "/start", locale: locale).state.language == "en")
    }

    @Test func anEnglishGreetingWinsOverASpanishLocale() {
        #expect(Conversation(saying: "hello", locale: "es").state.language == "en")
    }

    @Test func aWholeSpanishSessionEndsWithASpanishResultAndSpanishNextSteps() throws {
        var conversation = Conversation(saying: "buenas tardes")
        var said: [String] = []
        for reply in Self.wholeSession { said.append(conversation.say(reply)) }
        #expect(conversation.state.status == .completed, "\(said.joined(separator: "\n---\n"))")
        let result = conversation.lastTurn.replies.map(\.text).joined(separator: "\n")
        #expect(result.contains("Gracias. Aquí está su reflexión sobre Café para Padres."))
        #expect(result.contains("Nivel recomendado: Involucrar."))
        #expect(result.contains("Comunicación: hoy Informar"))
        #expect(result.contains("Siguiente paso: Consultar"))
        #expect(result.contains("Haga una sesión de escucha con los socios"))
        #expect(!result.contains("Recommended level"))
    }

    @Test func spanishCommandsWork() {
        var conversation = Conversation(saying: "hola")
        conversation.say(["Servicios del Valle", "Café para Padres"])
        #expect(conversation.say("ayuda").contains("• atrás: cambiar su respuesta anterior"))
        #expect(conversation.say("omitir").contains("No hay problema, la saltamos."))
        #expect(conversation.currentStep == "benefit")
        #expect(conversation.say("atrás").contains("Claro, regresemos."))
        #expect(conversation.currentStep == "purpose")
        #expect(conversation.say("por qué").hasPrefix("Por qué pregunto: "))
        #expect(conversation.say("estado").contains("Va en la pregunta 3 de 13."))
        #expect(conversation.say("empezar de nuevo").contains("¿Quiere empezar una reflexión nueva"))
        #expect(conversation.say("sí").contains("Muy bien, empecemos de nuevo."))
        #expect(conversation.state.language == "es")
        #expect(conversation.say("borrar mis datos").contains("Esto borrará para siempre"))
        #expect(conversation.say("no").contains("Muy bien, no cambió nada."))
    }

    @Test func espanolSwitchesAtAnyTimeAndEnglishSwitchesBack() {
        var conversation = Conversation()
        conversation.say(["Valley Family Services", "Parent Cafe", "Support parents"])
        let switched = conversation.say("Español")
        #expect(switched.hasPrefix("Muy bien, seguimos en español."))
        #expect(switched.contains("¿Se beneficiaría Parent Cafe de ser un esfuerzo en colaboración"))
        #expect(conversation.state.language == "es")
        conversation.say("más o menos")
        #expect(conversation.answer("benefit")?.optionID == "maybe")
        let back = conversation.say("english")
        #expect(back.hasPrefix("Okay, let's continue in English."))
        #expect(back.contains("Are other community partners looking to achieve the same or similar goals?"))
        #expect(conversation.state.language == "en")
    }

    @Test func spanishRepliesAreReadWithSpanishWords() {
        var conversation = Conversation(saying: "hola")
        conversation.say(Array(Self.wholeSession.prefix(5)))
        #expect(conversation.answer("benefit")?.optionID == "yes")
        #expect(conversation.answer("benefit")?.text == "los socios llegan a familias que no conocemos")
        #expect(conversation.answer("shared_goals")?.optionID == "some")
        conversation.say("la tercera")
        #expect(conversation.answer("current_communication")?.optionID == "considered")
    }

    @Test func aResumedSpanishSessionGreetsInSpanish() {
        var conversation = Conversation(saying: "hola")
        conversation.say("Servicios del Valle")
        conversation.clock.advance(3 * 24 * 3600)
        #expect(conversation.say("hola").hasPrefix("¡Bienvenido/a de nuevo! Íbamos en la pregunta 2 de 13."))
    }

    @Test func theSpanishContentHasTheSameQuestionsAndOptions() {
        let english = DefaultPrompts.script
        #expect(Self.spanish.language.choosing.code == "es")
        #expect(Self.spanish.steps.map(\.id) == english.steps.map(\.id))
        for (spanish, original) in zip(Self.spanish.steps, english.steps) {
            #expect(spanish.options.map(\.id) == original.options.map(\.id))
        }
        #expect(Self.spanish.chart.levels.map(\.name) == ["Independiente", "Informar", "Consultar", "Involucrar", "Alinear"])
        #expect(Self.spanish.version == english.version)
    }
}
