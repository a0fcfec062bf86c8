"""GraphQL API of in-app notifications."""
