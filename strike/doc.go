// Package strike holds strikebot's domain: the articles it reads, the campaigns
// it follows, how relevant an article is to a campaign, the facts it finds, and
// the Store contract every storage backend implements.
//
// It imports nothing else of strikebot's. Every other package points inward to it.
package strike
