// The GraphQL schema (SDL): the catalogue as a graph of tracks, artists, sets and transitions, the
// graph engine's views and planner, the mutations that change the catalogue, and live events.
// Every list field takes `first` (with a default and a maximum) so the complexity limit can price it.

export const schema = /* GraphQL */ `
  "A track: one recording in one version. Unknown BPM, key, genre, year and duration are null."
  type Track {
    id: ID!
    title: String!
    "The credited artists as written on the track (display string)."
    artist: String!
    artists: [Credit!]!
    "The version (\\"Nox Remix\\"), null for the original."
    version: String
    "original, remix, edit, …"
    versionKind: String!
    "The original this track is a version of, when known."
    original: Track
    "Remixes and edits of this track."
    remixes(first: Int = 10): [Track!]!
    bpm: Float
    "Camelot notation, 1A–12B."
    key: String
    genres: [String!]!
    year: Int
    "Seconds."
    duration: Float
    "Lines of sets that played this track."
    plays: Int!
    "Distinct performers of the sets that played it."
    djs: Int!
    "What DJs played right after this track, most played first."
    transitionsOut(first: Int = 10): [Transition!]!
    "What DJs played right before this track, most played first."
    transitionsIn(first: Int = 10): [Transition!]!
    "Sets that played this track, most recent first."
    sets(first: Int = 10): [Set!]!
    "Set when this track was merged into another one."
    mergedInto: Track
  }

  enum ArtistRole {
    primary
    featured
    remixer
  }

  type Credit {
    role: ArtistRole!
    artist: Artist!
  }

  type Artist {
    id: ID!
    name: String!
    aliases: [String!]!
    "Tracks credited to the artist, most played first."
    tracks(first: Int = 10): [Track!]!
    "Artists credited on the same tracks."
    collaborations(first: Int = 10): [Collaboration!]!
  }

  type Collaboration {
    artist: Artist!
    "Tracks they share."
    tracks: Int!
  }

  type Set {
    id: ID!
    title: String
    performers: [Artist!]!
    "ISO date (its precision in datePrecision), null when unknown."
    date: String
    datePrecision: String
    "Where the set came from (upload, 1001tracklists, …)."
    source: String!
    url: String
    "mix, radio_show, live_set, concert, history, playlist"
    kind: String!
    event: String
    venue: String
    entryCount: Int!
    "'private': its owner's own import, seen by nobody else until shared; 'public': part of the shared graph."
    visibility: String!
    "The lines of the set in play order; unknown ones keep their raw text and have no track."
    entries(first: Int = 100): [SetEntry!]!
  }

  type SetEntry {
    position: Int!
    line: Int
    raw: String!
    unknown: Boolean!
    withPrevious: Boolean!
    track: Track
    cueSeconds: Float
  }

  "\\"to was played right after from\\", with its evidence."
  type Transition {
    from: Track!
    to: Track!
    "Times played."
    count: Int!
    "Distinct sets."
    sets: Int!
    "Distinct DJs."
    djs: Int!
    firstDate: String
    lastDate: String
    "The sets it was played in, most recent first."
    evidence(first: Int = 5): [Evidence!]!
  }

  type Evidence {
    set: Set!
    "Position of the from entry in the set."
    position: Int!
    date: String
    performers: [String!]!
    source: String!
    url: String
  }

  input TrackFilter {
    artist: String
    title: String
    bpmMin: Float
    bpmMax: Float
    keys: [String!]
    genres: [String!]
    yearFrom: Int
    yearTo: Int
    source: String
    hasTransitions: Boolean
  }

  type TrackPage {
    items: [Track!]!
    "Cursor of the next page (pass as after), null on the last page."
    next: ID
  }

  type SearchResult {
    query: String!
    tracks: [Track!]!
    artists: [Artist!]!
    sets: [Set!]!
    facets: SearchFacets!
  }

  type FacetCount {
    value: String!
    count: Int!
  }

  type SearchFacets {
    genres: [FacetCount!]!
    keys: [FacetCount!]!
    years: [FacetCount!]!
    bpmMin: Float
    bpmMax: Float
  }

  "The graph filter shared by graph views: node conditions on tracks, edge conditions on evidence."
  input GraphFilter {
    bpmMin: Float
    bpmMax: Float
    keys: [String!]
    genres: [String!]
    yearFrom: Int
    yearTo: Int
    minCount: Int
    minDjs: Int
    sources: [String!]
  }

  type GraphData {
    "Version of the in-memory graph the view was taken from."
    version: Int!
    nodes: [GraphNode!]!
    edges: [GraphEdge!]!
  }

  type GraphNode {
    track: Track!
    x: Float
    y: Float
    size: Float!
    community: Int
    plays: Int!
  }

  type GraphEdge {
    source: ID!
    target: ID!
    count: Int!
    djs: Int!
    evidence: Float!
  }

  enum HarmonicRule {
    same
    adjacent
    relative
    energy_boost
    any
  }

  enum EnergyCurve {
    rising
    falling
    peak
    flat
  }

  "Steps whose key is unknown, under a harmonic rule: allowed (flagged in the step) or refused."
  enum UnknownKeys {
    allow
    refuse
  }

  "Other versions of a track already in the set (its original, remixes, edits)."
  enum Versions {
    avoid
    allow
  }

  "A set to plan. Tracks are named by id or as \\"Artist - Title\\"."
  input PlanInput {
    from: String!
    to: String!
    via: [String!]
    "Tracks in the set, counting start and end; or give minutes."
    length: Int
    minutes: Float
    averageTrackSeconds: Float
    "Largest tempo change per step, in percent."
    maxBpmChange: Float
    "Largest tempo change per step, in BPM."
    maxBpmChangeBpm: Float
    halfDoubleTime: Boolean
    harmonic: HarmonicRule
    "Default allow."
    unknownKeys: UnknownKeys
    "Default avoid."
    versions: Versions
    energy: EnergyCurve
    "0…1: evidence (1) against fit (0)."
    trust: Float
    allowBridges: Boolean
    "Alternatives, 1…5."
    k: Int
  }

  type PlanResult {
    length: Int!
    sets: [PlannedSet!]!
    "Why no set was possible, when sets is empty."
    blocked: String
    "The single loosening that makes a set possible, when one does."
    relaxation: String
    relaxedSets: [PlannedSet!]!
  }

  type PlannedSet {
    tracks: [Track!]!
    steps: [PlanStep!]!
    cost: Float!
    observedSteps: Int!
    bridges: Int!
  }

  type PlanStep {
    position: Int!
    from: Track!
    to: Track!
    "observed (DJs played it) or bridge (compatible, never seen)."
    kind: String!
    count: Int!
    djs: Int!
    probability: Float!
    cost: Float!
    "Why this step: key relation and tempo change in words."
    text: String!
  }

  type Job {
    id: ID!
    queue: String!
    "queued, active, completed, failed, retrying"
    state: String!
    "What the job has done so far (sets stored, entries, …)."
    progress: JSON
    updatedAt: String!
  }

  "Any JSON value."
  scalar JSON

  type ImportAccepted {
    jobId: ID!
    "Where progress can be read over REST."
    progress: String!
  }

  type JobAccepted {
    jobId: ID!
    queue: String!
  }

  type MergeResult {
    mergeId: ID!
    kept: Track!
    entriesMoved: Int!
    transitionsRewritten: Int!
  }

  type ArtistMergeResult {
    kept: Artist!
    "The merged artist's id; the record is gone and its name is now an alias of the kept one."
    mergedId: ID!
    "Tracks whose credits moved to the kept artist."
    tracks: Int!
    "Sets the merged artist performed, now the kept artist's."
    sets: Int!
    "Transitions whose DJ count was recounted."
    transitions: Int!
  }

  type SplitResult {
    mergeId: ID!
    kept: Track!
    restored: Track!
    entriesRestored: Int!
  }

  type GraphChange {
    "import, merge, split, update"
    cause: String!
    "Tracks that are new, or whose facts (BPM, key, genre) changed."
    changedTracks: Int!
    "Transitions whose evidence changed (added, grown, moved by a merge)."
    changedTransitions: Int!
    trackIds: [ID!]!
  }

  "A track a user wants sets for: the sources are searched for sets holding it (docs/scrapers.md)."
  type Target {
    id: ID!
    "The graph track it was picked from, when it was (and is still one you may see)."
    track: Track
    artist: String!
    title: String!
    createdAt: String!
    lastSearchedAt: String
    "The scrape task of the last search, with its state now (it may still be running)."
    task: TargetTask
    "What the last finished search found and added; null before one has ended."
    lastResult: TargetResult
  }

  type TargetTask {
    id: ID!
    "queued, running, waiting_quota, completed, failed, cancelled"
    state: String!
  }

  type TargetResult {
    "The task of the search this result is of."
    taskId: ID!
    "completed, failed, cancelled or waiting_quota"
    state: String!
    finishedAt: String!
    "Sets found that contain the track."
    found: Int!
    "Of those, sets new to the graph."
    added: Int!
    "Of those, sets the graph already had unchanged."
    unchanged: Int!
    errors: Int!
    "What went wrong, when something did."
    error: String
    "The sets found (at most 50 are kept)."
    sets(first: Int = 10): [TargetSet!]!
  }

  type TargetSet {
    source: String!
    title: String
    url: String
    "The stored set, when the graph has it (and you may see it)."
    set: Set
  }

  type TargetAdded {
    target: Target!
    "The track was listed already: target is that entry, unchanged."
    duplicate: Boolean!
  }

  enum ScrapePriority {
    high
    normal
    low
  }

  type TargetSearch {
    targetId: ID!
    task: TargetTask!
    "A search for the same track was open already (another user's, or an earlier one): it is shared."
    duplicate: Boolean!
  }

  type Query {
    track(id: ID!): Track
    tracks(filter: TrackFilter, first: Int = 20, after: ID): TrackPage!
    artist(id: ID!): Artist
    set(id: ID!): Set
    "Tracks, artists and sets at once; typo-tolerant and accent-insensitive."
    search(q: String!, first: Int = 10): SearchResult!
    "The strongest part of the graph under a filter."
    graphData(filters: GraphFilter, nodes: Int = 100, edges: Int = 300): GraphData!
    plan(input: PlanInput!): PlanResult!
    "With from and to: that one transition (not found when never played). With one of them: the transitions out of or into it. With neither: the most played."
    transitions(from: ID, to: ID, first: Int = 20): [Transition!]!
    job(id: ID!): Job
    "Your target tracks (the local owner's in local mode), newest first; a list holds at most 200."
    targets(first: Int = 20): [Target!]!
  }

  type Mutation {
    "Imports a file given as text (any format the importers read); a job does the work."
    importText(text: String!, filename: String, format: String, source: String, visibility: String): ImportAccepted!
    "Merges a duplicate track into the kept one; the graph moves the evidence at once."
    mergeTracks(keptId: ID!, mergedId: ID!): MergeResult!
    "Undoes a merge exactly."
    splitMerge(mergeId: ID!): SplitResult!
    "Folds one artist record into another (a misspelling, a former name). Not reversible: the merged name becomes an alias."
    mergeArtists(keptId: ID!, mergedId: ID!): ArtistMergeResult!
    "Replaces an artist's aliases; an alias that is another artist's name or alias is refused, naming that artist."
    setArtistAliases(id: ID!, aliases: [String!]!): Artist!
    "Corrects a track's BPM, key (Camelot or Am, F#m…) or genre; null clears a value."
    updateTrack(id: ID!, bpm: Float, key: String, genre: String): Track!
    "Runs the planner."
    runPlan(input: PlanInput!): PlanResult!
    computeLayout(iterations: Int, seed: Int): JobAccepted!
    computeCommunities(seed: Int, resolution: Float): JobAccepted!
    "Shares a private set (its owner or an admin): its transitions join the graph as an import's would. A public set cannot be made private."
    shareSet(id: ID!): Set!
    "Adds a target track: a track of the graph (trackId) or an artist and a title. The same track again returns the entry with duplicate: true."
    addTarget(trackId: ID, artist: String, title: String): TargetAdded!
    "Removes one of your target tracks (not found when it is not in your list)."
    removeTarget(id: ID!): Boolean!
    "Searches the sources now for sets holding your target tracks (all, or those named): one target scrape task per track, queued for the job worker."
    searchTargets(ids: [ID!], priority: ScrapePriority): [TargetSearch!]!
  }

  type Subscription {
    "Progress of one job (or of every job without id), as it happens, from any process."
    jobProgress(id: ID): Job!
    "Every change to the graph: imports, merges, splits, corrections."
    graphChanged: GraphChange!
  }
`;
