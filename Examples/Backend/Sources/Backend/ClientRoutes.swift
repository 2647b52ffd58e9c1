import AppModels
import Foundation
import Hummingbird
import PGClient

// The generated models answer requests as they are (JSON with the column names).
extension AppClient: ResponseEncodable {}
extension AppKnowledgeBase: ResponseEncodable {}

/// `/clients`: create, read, update, list (paged) and delete clients, and search a client's
/// knowledge base.
struct ClientRoutes {
    let pool: PGPool

    func add(to group: RouterGroup<AppRequestContext>) {
        group.post(use: create)
        group.get(use: list)
        group.get(":id", use: read)
        group.patch(":id", use: update)
        group.delete(":id", use: delete)
        group.get(":id/credits", use: credits)
        group.post(":id/knowledge", use: addArticle)
        group.get(":id/knowledge/search", use: search)
    }

    /// `POST /clients` `{"name", "email", "plan"?, "phone"?, "credits"?}`: the client and its credit
    /// balance, in one transaction.
    struct NewClient: Decodable {
        var name: String
        var email: String
        var plan: AppClientPlan?
        var phone: String?
        var credits: Int32?
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AppClient> {
        let input = try await request.json(NewClient.self, context: context)
        let client = try await pool.withTransaction { tx in
            let client = try await AppClient.insert(.init(name: input.name, email: input.email, plan: input.plan, phone: input.phone), on: tx)
            try await AppCredit.insert(.init(clientID: client.id, balance: input.credits ?? 0), on: tx)
            return client
        }
        return EditedResponse(status: .created, response: client)
    }

    /// `GET /clients?limit=20&offset=0`: a page of clients, by e-mail address.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Paged<AppClient> {
        let page = try Page.of(request, context: context)
        async let items = AppClient.fetchAll(orderBy: .email, limit: page.limit, offset: page.offset, on: pool)
        async let total = AppClient.count(on: pool)
        return try await Paged(items: items, limit: page.limit, offset: page.offset, total: Int(total))
    }

    @Sendable func read(_ request: Request, context: AppRequestContext) async throws -> AppClient {
        let id = try context.parameters.require("id", as: UUID.self)
        guard let client = try await AppClient.find(id: id, on: pool) else { throw APIError.notFound("client") }
        return client
    }

    /// `PATCH /clients/:id`: sets the fields the body has (`"phone": null` clears the phone).
    struct ClientPatch: Decodable {
        var changes: [AppClient.Change] = []

        enum Keys: String, CodingKey {
            case name, email, plan, phone
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            if let name = try container.decodeIfPresent(String.self, forKey: .name) { changes.append(.name(name)) }
            if let email = try container.decodeIfPresent(String.self, forKey: .email) { changes.append(.email(email)) }
            if let plan = try container.decodeIfPresent(AppClientPlan.self, forKey: .plan) { changes.append(.plan(plan)) }
            if container.contains(.phone) { changes.append(.phone(try container.decodeIfPresent(String.self, forKey: .phone))) }
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> AppClient {
        let id = try context.parameters.require("id", as: UUID.self)
        let patch = try await request.json(ClientPatch.self, context: context)
        let changes = patch.changes.isEmpty ? [] : patch.changes + [.updatedAt(Date())]
        let updated = changes.isEmpty
            ? try await AppClient.find(id: id, on: pool)
            : try await AppClient.update(id: id, set: changes, on: pool)
        guard let updated else { throw APIError.notFound("client") }
        return updated
    }

    /// `DELETE /clients/:id`: the client and everything it owns (the foreign keys cascade).
    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let id = try context.parameters.require("id", as: UUID.self)
        guard try await AppClient.delete(id: id, on: pool) else { throw APIError.notFound("client") }
        return .noContent
    }

    struct Balance: ResponseEncodable {
        var clientID: UUID
        var balance: Int32

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case balance
        }
    }

    @Sendable func credits(_ request: Request, context: AppRequestContext) async throws -> Balance {
        let id = try context.parameters.require("id", as: UUID.self)
        guard let credit = try await AppCredit.find(clientID: id, on: pool) else { throw APIError.notFound("client") }
        return Balance(clientID: id, balance: credit.balance)
    }

    // MARK: - Knowledge base

    struct NewArticle: Decodable {
        var title: String
        var body: String
    }

    /// `POST /clients/:id/knowledge` `{"title", "body"}`.
    @Sendable func addArticle(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Article> {
        let id = try context.parameters.require("id", as: UUID.self)
        let input = try await request.json(NewArticle.self, context: context)
        // An unknown client is a 404 here, not the foreign key's 422.
        guard try await AppClient.find(id: id, on: pool) != nil else { throw APIError.notFound("client") }
        let article = try await AppKnowledgeBase.insert(.init(clientID: id, title: input.title, body: input.body), on: pool)
        return EditedResponse(status: .created, response: Article(article))
    }

    struct SearchQuery: Decodable {
        var q: String?
        var limit: Int?
    }

    /// `GET /clients/:id/knowledge/search?q=refund policy&limit=10`: the client's articles that
    /// match, best first (PostgreSQL's `websearch_to_tsquery`); never another client's.
    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> [Article] {
        let id = try context.parameters.require("id", as: UUID.self)
        let query = try request.uri.decodeQuery(as: SearchQuery.self, context: context)
        guard let text = query.q, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(.unprocessableContent, code: "invalid_query", message: "q is missing")
        }
        let limit = query.limit ?? 20
        guard (1...Page.maxLimit).contains(limit) else {
            throw APIError(.unprocessableContent, code: "invalid_query", message: "limit must be between 1 and \(Page.maxLimit)")
        }
        guard try await AppClient.find(id: id, on: pool) != nil else { throw APIError.notFound("client") }
        return try await AppKnowledgeBase.search(text, clientID: id, limit: limit, on: pool).map(Article.init)
    }
}

/// An article as the API shows it: without the search vector, which is the database's business.
struct Article: ResponseEncodable {
    var id: UUID
    var clientID: UUID
    var title: String
    var body: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, title, body
        case clientID = "client_id"
        case createdAt = "created_at"
    }

    init(_ row: AppKnowledgeBase) {
        id = row.id
        clientID = row.clientID
        title = row.title
        body = row.body
        createdAt = row.createdAt
    }
}
