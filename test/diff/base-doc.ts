import { parse } from "yaml";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";

/** A small API touching every area the diff compares: servers, auth, params, bodies, responses, shared $refs. */
const BASE = `
openapi: 3.1.0
info: { title: Sample, version: 1.0.0, description: Sample API. }
servers:
  - url: https://api.example.com/v1
security:
  - bearerAuth: []
paths:
  /contacts:
    get:
      operationId: listContacts
      tags: [contacts]
      summary: List contacts
      parameters:
        - { name: limit, in: query, schema: { type: integer, maximum: 100 } }
        - { name: format, in: query, schema: { type: string }, style: form }
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Contact' } }
  /contacts/{id}:
    get:
      operationId: getContact
      tags: [contacts]
      summary: Get a contact
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Contact' }
        '404':
          description: Not found
    patch:
      operationId: updateContact
      tags: [contacts]
      summary: Update a contact
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/ContactUpdate' }
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Contact' }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
    apiKey: { type: apiKey, in: header, name: X-Api-Key }
  schemas:
    Role: { type: string, enum: [admin, member] }
    Contact:
      type: object
      required: [id, name]
      properties:
        id: { type: string, readOnly: true }
        name: { type: string, description: Full name. }
        email: { type: string }
        role: { $ref: '#/components/schemas/Role' }
        score: { type: integer, maximum: 10 }
        manager: { $ref: '#/components/schemas/Contact' }
    ContactUpdate:
      type: object
      properties:
        name: { type: string, maxLength: 100 }
        age: { type: integer }
        weight: { type: number }
        status: { type: string, enum: [active, archived] }
        note: { type: string }
    Unused: { type: object }
`;

export function baseDoc(): OpenApiDocument {
  return parse(BASE) as OpenApiDocument;
}
