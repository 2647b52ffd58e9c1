import AppModels
import Foundation
import Hummingbird
import PGClient
import PGRecord

extension AppConversation: ResponseEncodable {}
extension AppMessage: ResponseEncodable {}

/// Conversations and their messages. Recording a message costs the client one credit: the
/// message, the deduction and its ledger row are one transaction, refused with 409 when the
/// balance would go below zero.
struct ConversationRoutes {
    let pool: PGPool

    func add(to router: Router<AppRequestContext>) {
        router.post("clients/:id/conversations", use: create)
        router.get("conversations/:id", use: read)
        router.post("conversations/:id/messages", use: addMessage)
        router.get("conversations/:id/messages", use: messages)
    }

    struct NewConversation: Decodable {
        var customer: String
    }

    /// `POST /clients/:id/conversations` `{"customer"}`.
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AppConversation> {
        let id = try context.parameters.require("id", as: UUID.self)
        let input = try await request.json(NewConversation.self, context: context)
        guard try await AppClient.find(id: id, on: pool) != nil else { throw APIError.notFound("client") }
        let conversation = try await AppConversation.insert(.init(clientID: id, customer: input.customer), on: pool)
        return EditedResponse(status: .created, response: conversation)
    }

    @Sendable func read(_ request: Request, context: AppRequestContext) async throws -> AppConversation {
        let id = try context.parameters.require("id", as: UUID.self)
        guard let conversation = try await AppConversation.find(id: id, on: pool) else { throw APIError.notFound("conversation") }
        return conversation
    }

    struct NewMessage: Decodable {
        var role: AppMessageRole
        var body: String
    }

    struct Recorded: ResponseEncodable {
        var message: AppMessage
        var balance: Int
    }

    /// One credit less, or a check violation (`app_credits_balance_non_negative`) when there is
    /// none left. The row lock it takes makes concurrent deductions wait for each other: none is
    /// lost and none counted twice.
    static let deduct = PGQuery<Int>("""
        UPDATE app_credits SET balance = balance - 1, updated_at = now()
        WHERE client_id = $1
        RETURNING balance
        """)

    static let countMessages = PGQuery<Int>("SELECT count(*) FROM app_messages WHERE conversation_id = $1")

    /// `POST /conversations/:id/messages` `{"role", "body"}`: records the message and deducts a
    /// credit in one transaction; 409 `insufficient_credits` when the balance is zero.
    @Sendable func addMessage(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Recorded> {
        let id = try context.parameters.require("id", as: UUID.self)
        let input = try await request.json(NewMessage.self, context: context)
        let recorded = try await pool.withTransaction { tx in
            guard let conversation = try await AppConversation.find(id: id, on: tx) else { throw APIError.notFound("conversation") }
            guard let balance = try await Self.deduct.fetchOne([conversation.clientID.pgBind], on: tx) else {
                throw APIError(.conflict, code: "insufficient_credits", message: "the client has no credit account")
            }
            let message = try await AppMessage.insert(.init(conversationID: id, role: input.role, body: input.body), on: tx)
            try await AppCreditUse.insert(.init(clientID: conversation.clientID, messageID: message.id, balanceAfter: Int32(balance)), on: tx)
            return Recorded(message: message, balance: balance)
        }
        return EditedResponse(status: .created, response: recorded)
    }

    /// `GET /conversations/:id/messages?limit=20&offset=0`: oldest first.
    @Sendable func messages(_ request: Request, context: AppRequestContext) async throws -> Paged<AppMessage> {
        let id = try context.parameters.require("id", as: UUID.self)
        let page = try Page.of(request, context: context)
        guard try await AppConversation.find(id: id, on: pool) != nil else { throw APIError.notFound("conversation") }
        async let items = AppMessage.fetch(conversationID: id, orderBy: .createdAt, limit: page.limit, offset: page.offset, on: pool)
        async let total = Self.countMessages.fetchOne([id.pgBind], on: pool)
        return try await Paged(items: items, limit: page.limit, offset: page.offset, total: total ?? 0)
    }
}
