// Package eval measures strikebot's coverage the way a new user meets it: a
// labeled corpus is served on loopback as news feeds, the real command line
// ingests every feed at once with its whole backlog, and what `articles`,
// `stories`, `status` and `ask` print is compared with the labels.
//
// It holds the in-sample corpus, the held-out corpus and the development
// corpora that DevSets lists. The in-sample one is the demo corpus
// (package demo), whose articles the coverage rules were tuned on. The held-out one, in
// testdata/heldout, was written separately, from public facts, in other
// outlets' styles and with other strikes, copies, snippets and undated pages,
// and must never be used to tune: it measures how coverage holds on news
// nobody here wrote. The development one, in testdata/dev, was written
// after the rules in the held-out corpus's manner, aimed at what real news
// does that the rules may not expect, to tune them on (DevSet "dev"). The
// second development one, in testdata/dev2, was written once the first
// had been tuned on until it scored like the in-sample corpus, in voices
// further from both (live blogs, numbered lists, trade press, op-eds,
// bilingual community papers, passing mentions), to tune on too
// (DevSet "dev2"). The third, in testdata/dev3, was written when tuning on
// the first two no longer moved the held-out figures, in shapes neither
// has (wire briefs, TV scripts, letters, business press, Spanish articles,
// union bulletins) and with numbers, phases and names worded otherwise
// (DevSet "dev3"). The fourth, in testdata/dev4, was written when the
// held-out facts stood at 0.91, in shapes none of the first three has
// (press releases, radio transcripts, interviews, photo captions, council
// items, quoted posts, updates, teasers, student papers, newsletters,
// national roundups) and with phases told indirectly (DevSet "dev4"). The
// fifth, in testdata/dev5, was written when the held-out facts stood at
// 0.92, in shapes none of the first four has (aggregator items, podcast
// notes, event calendars, the employer's statements and FAQ pages,
// labour-board filings, earnings pieces, essays, TV scripts in capitals)
// and with numbers and dates written otherwise (DevSet "dev5"). The sixth,
// in testdata/dev6, was written when the held-out facts still stood at
// 0.92, in shapes none of the first five has (behavioral-health trade
// press, numbered newsletters on several disputes, op-eds by a legislator
// and an executive, city and county resolutions, local weeklies' columns,
// headline-only search items, corrections and updates that change a
// fact) and with counts, unions and phases named otherwise (DevSet "dev6").
// The seventh, in testdata/dev7, was written when the held-out facts
// still stood at 0.92, in shapes none of the first six has (news-search
// items cut mid-sentence, pages with their furniture left in, text taken
// from PDFs, media advisories, strike bulletins, picket schedules, Q&As,
// dated timelines, explainers, profiles and obituaries naming the strike
// in passing, British dates) (DevSet "dev7"). The eighth, in testdata/dev8,
// was written after tuning on the seventh, in shapes none of the first
// seven has (wire stories updated through the day, tickers, briefs where
// the Kaiser item is not first, neighbourhood threads, parish and school
// notices, call-in summaries, translated community weeklies, counts split
// by region or told as a share) (DevSet "dev8"). The ninth, in testdata/dev9,
// was written after tuning on the eighth, in the plainest mainstream
// styles of outlets the first eight lack (national short items, TV station
// web stories, public radio pages, business wires, English editions of
// Spanish-language papers, print stories syndicated truncated mid-word)
// (DevSet "dev9"). The tenth, in testdata/dev10, holds news-search items that
// are only a snippet, undated and late-dated pages and the campaign's
// siblings (DevSet "dev10"); the eleventh, in testdata/dev11, opinion, live
// pages newest first, updates that change the lead, newsletters, a
// striker's own posts and quotes that mislead (DevSet "dev11"). The twelfth
// to fifteenth, in testdata/dev12 to dev15, were written two at a time
// after tuning on the eleventh: numbers and dates that compete (fact
// boxes, several dates, regulators, siblings' counts; DevSet "dev12");
// places and people (one picket line's headcount, profiles, loose talk,
// year-in-review lists; DevSet "dev13"); the furniture around news in feeds
// and pages (blog-feed footers, prompts, related-link boxes, update
// stamps; DevSet "dev14"); voices other than a newsroom's and grammar that
// hides a fact (statements, releases, rumors, passives, negations;
// DevSet "dev15"). The sixteenth to nineteenth, in testdata/dev16 to
// dev19, were written at once, after the held-out facts had stood at
// 0.91 for several rounds, by writers who read none of the
// earlier corpora, so that their styles and labels are their own: plain
// mainstream coverage of the whole arc; the strike's long middle; its
// end and the year after; and short forms (briefs, snippets, headlines).
// The twentieth to twenty-third, in testdata/dev20 to dev23, were written
// the same way after tuning on those: syndication (wire copies under new
// datelines); local broadcast and papers with local headcounts; the
// campaign beside its siblings, their numbers and unions in the same
// paragraphs; and explainers, FAQs, timelines and undated pages. The
// twenty-fourth to thirty-first, in testdata/dev24 to dev31, were written
// the same way in two sets of four: the trade and specialist press;
// broadcast and spoken forms; briefs, digests and appended updates;
// opinion and community voices; then ethnic and in-language press; press
// releases and aggregator pages; government and politics; and a plain news
// search's mix of copies, short pages and look-alikes. The thirty-second
// to thirty-fifth, in testdata/dev32 to dev35, were written the same way,
// four at once: service and institutional pages (the employer's member
// alerts, county, school and benefits notices); international and
// specialist English outlets; narrative and long-form writing; and the
// wire desk's versions (first takes, write-throughs, corrections, kills,
// daybooks and local re-runs). The thirty-sixth to forty-third, in
// testdata/dev36 to dev43, were written the same way in two sets of four:
// patients and care (the strike told through cancelled therapy, crisis
// lines and advice columns); law, money and government (charges,
// regulators, hearings, credit notes); the union and its supporters (its
// posts, allies' statements, donation pages, speeches); the turning points
// as daily news tells them (the day before, of and after each milestone);
// then a plain news mix as a new user's feeds deliver it; English from
// elsewhere (British, Irish, Australian, Indian and translated community
// editions, day-first dates, "walk-out", "2 400"); numbers, dates and
// lists (fact boxes, timelines, roundups, daybooks); and the web's other
// pages (newsletters, forum digests, podcast pages, aggregator blurbs).
// The forty-fourth to fifty-first, in testdata/dev44 to dev51, the same
// way: time told out of order (features, "so far" boxes, appended
// updates, anniversaries); California's other strikes around the
// campaign; voices and quotes; the Spanish and bilingual press (most of it
// in Spanish); then short pages; reports that disagree and corrections;
// the employer's and business voice; and policy, research and case
// studies. The fifty-second to fifty-ninth, in testdata/dev52 to dev59,
// the same way: local TV and radio pages; a plain news mix; live pages,
// timelines and roundups; the community press; then a wire's write-thrus
// and their many re-edited copies; what a news search shows (paywalled
// openings, blurbs, radio summaries); undated and evergreen pages; and
// this strike among its siblings. The sixtieth to sixty-third, in
// testdata/dev60 to dev63, the same way, four at once: outlets' house
// conventions; the strike told from later on (look-backs into 2026); the
// strike told in passing; and the run-up and the aftermath. The
// sixty-fourth to sixty-seventh, in testdata/dev64 to dev67, the same way,
// four at once, in the plainest manners a new user's feeds have: a news
// search over two years; the local press across Southern California;
// national, business and policy outlets that reach the strike past
// another dispute; and the parties' own voices as the press passes them
// on. The sixty-eighth to seventy-first, in testdata/dev68 to dev71, the
// same way, four at once: a first user's plainest feeds over the whole
// arc, with several outlets' own reports of each event; the union named
// many ways or hardly at all (letters, statements, Spanish and bilingual
// papers, siblings' unions beside it); the long middle told indirectly
// (sessions, hearings, rallies, the strike as setting); and the end and
// what came after (look-backs a year and two on, year-in-review lists).
// A corpus being written is checked by TestDevDraft before it joins
// DevSets. Each
// corpus has a truth file with the campaign status it
// supports at its end and the questions a supporter asks, with the
// answers the first sentence of a reply must state.
//
// The held-out and development corpora use demo's file format (see
// demo.Parse); their feed key names one of three feeds: "wire" (a wire
// service's full-text RSS), "search" (a news-search RSS of snippets whose
// links lead to the article pages; some pages carry no date) and "union"
// (the union's own Atom feed).
package eval
