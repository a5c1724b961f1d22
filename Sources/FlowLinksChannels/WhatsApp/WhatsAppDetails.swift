/// What a WhatsApp Cloud API reply needs: the business number the message was sent to.
public struct WhatsAppDetails: EventDetails {
    public var phoneNumberID: String

    public init(phoneNumberID: String) { self.phoneNumberID = phoneNumberID }
}
