// Every GraphQL document rollback-ready can send to GitHub. Tests validate each against GitHub's published schema.

export const PULL_REQUEST = /* GraphQL */ `
  query PullRequest($owner: String!, $name: String!, $number: Int!) {
    viewer {
      login
    }
    repository(owner: $owner, name: $name) {
      url
      pullRequest(number: $number) {
        id
        number
        title
        url
        baseRefName
        headRefName
        baseRefOid
        headRefOid
      }
    }
  }
`;

export const PULL_REQUEST_COMMENTS = /* GraphQL */ `
  query PullRequestComments($owner: String!, $name: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        comments(first: 100, after: $after) {
          nodes {
            id
            body
            viewerDidAuthor
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

export const ADD_COMMENT = /* GraphQL */ `
  mutation AddComment($subjectId: ID!, $body: String!) {
    addComment(input: { subjectId: $subjectId, body: $body }) {
      commentEdge {
        node {
          id
          url
        }
      }
    }
  }
`;

export const UPDATE_COMMENT = /* GraphQL */ `
  mutation UpdateComment($id: ID!, $body: String!) {
    updateIssueComment(input: { id: $id, body: $body }) {
      issueComment {
        id
        url
      }
    }
  }
`;

export const DELETE_COMMENT = /* GraphQL */ `
  mutation DeleteComment($id: ID!) {
    deleteIssueComment(input: { id: $id }) {
      clientMutationId
    }
  }
`;

/** Commits reachable from a release, newest first, each with the pull requests it came through. */
export const COMMIT_PULL_REQUESTS = /* GraphQL */ `
  query CommitPullRequests($owner: String!, $name: String!, $oid: GitObjectID!, $after: String) {
    repository(owner: $owner, name: $name) {
      url
      object(oid: $oid) {
        ... on Commit {
          history(first: 100, after: $after) {
            nodes {
              oid
              associatedPullRequests(first: 5) {
                nodes {
                  number
                  title
                  url
                  merged
                  labels(first: 20) {
                    nodes {
                      name
                    }
                  }
                }
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      }
    }
  }
`;

export const DOCUMENTS = { PULL_REQUEST, PULL_REQUEST_COMMENTS, ADD_COMMENT, UPDATE_COMMENT, DELETE_COMMENT, COMMIT_PULL_REQUESTS };
