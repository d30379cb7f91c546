package config

import "github.com/strikebot/strikebot/strike"

// kaiserProfile is the shipped relevance profile of the Kaiser Permanente
// mental health workers' strike in Southern California (NUHW, about 2,400
// therapists, psychologists, social workers and other clinicians, on strike
// from 2024-10-21). Owned by the coverage work: tuned against the labeled
// corpus in package demo; the rules that use it are in package coverage.
//
// Reading it: a term in the title counts 1.5 times its weight, repeats in
// the text count half as much each time, a group is evidence at 2 points.
// Related needs the employer and labor; core also needs the union or the
// scope, with nothing pointing to another union or region (the negative
// terms), and a score of CoreScore. Exclusions are look-alike phrases whose
// words must not count.
func kaiserProfile() strike.Profile {
	return strike.Profile{
		Employer: []strike.Term{
			{Text: "Kaiser Permanente", Weight: 3},
			{Text: "Permanente Medical Group", Weight: 2},
			// Bare aliases: a single mention in the text is only "in passing".
			{Text: "Kaiser", Weight: 1.5},
			{Text: "KP", Weight: 1.5},
		},
		Union: []strike.Term{
			{Text: "NUHW", Weight: 3},
			{Text: "National Union of Healthcare Workers", Weight: 3},
			{Text: "National Union of Health Care Workers", Weight: 3},
			// Its name in the Spanish-language press of the region.
			{Text: "Sindicato Nacional de Trabajadores de la Salud", Weight: 3},
			// Other unions at Kaiser: their strikes are related, not core.
			// UNAC/UHCP (nurses) and the coalition strike in the same region,
			// so they weigh as much as NUHW and cancel a passing mention.
			{Text: "SEIU", Weight: -1.5},
			{Text: "UNAC", Weight: -4},
			{Text: "Coalition of Kaiser Permanente Unions", Weight: -4},
			{Text: "Coalición de Sindicatos de Kaiser Permanente", Weight: -4},
			{Text: "Alliance of Health Care Unions", Weight: -2},
			{Text: "California Nurses Association", Weight: -1.5},
			{Text: "OPEIU", Weight: -1.5},
			{Text: "UFCW", Weight: -1.5},
			// Their names written out, as local papers do.
			{Text: "United Food and Commercial Workers", Weight: -1.5},
			{Text: "Service Employees International Union", Weight: -1.5},
		},
		Labor: []strike.Term{
			{Text: "strike", Weight: 3}, // also strikes, striking
			{Text: "strikers", Weight: 3},
			{Text: "walkout", Weight: 3},
			{Text: "walk out", Weight: 2}, // also walked out
			{Text: "walk off the job", Weight: 2},
			{Text: "work stoppage", Weight: 3},
			// What an employer's notices and the British and Irish press
			// call a strike.
			{Text: "labor action", Weight: 3},
			{Text: "industrial action", Weight: 3},
			{Text: "picket line", Weight: 3},
			{Text: "picket", Weight: 2}, // also pickets, picketing
			{Text: "collective bargaining", Weight: 3},
			{Text: "bargaining", Weight: 2},
			{Text: "tentative agreement", Weight: 3},
			{Text: "ratify", Weight: 2}, // also ratified
			{Text: "ratification", Weight: 2},
			{Text: "mediation", Weight: 2}, // also mediator
			{Text: "labor dispute", Weight: 2},
			{Text: "unfair labor practice", Weight: 2},
			{Text: "National Labor Relations Board", Weight: 2},
			{Text: "NLRB", Weight: 2},
			{Text: "lockout", Weight: 2},
			{Text: "union", Weight: 1.5}, // also unions, unionized
			{Text: "negotiations", Weight: 1.5},
			{Text: "contract", Weight: 1},
			// The region's Spanish-language press: huelga (strike),
			// huelguistas (strikers), piquetes (pickets), acuerdo tentativo,
			// sindicato (union).
			{Text: "huelga", Weight: 3},
			{Text: "huelguistas", Weight: 3},
			{Text: "piquetes", Weight: 2},
			{Text: "acuerdo tentativo", Weight: 3},
			{Text: "sindicato", Weight: 1.5},
			// Striking workers, told apart from a hunger strike's
			// "striking": these count when "strike" alone is in doubt.
			{Text: "striking workers", Weight: 3},
			{Text: "striking clinicians", Weight: 3},
			{Text: "striking therapists", Weight: 3},
			{Text: "striking nurses", Weight: 3},
			{Text: "striking mental health workers", Weight: 3},
			{Text: "striking mental health clinicians", Weight: 3},
		},
		Scope: []strike.Term{
			// The unit: who is on strike. Other NUHW units (Northern
			// California, Hawaii) share these words, so they weigh less
			// than the place, which tells the units apart.
			{Text: "mental health", Weight: 1},
			{Text: "behavioral health", Weight: 1},
			{Text: "therapists", Weight: 1},
			{Text: "psychologists", Weight: 1},
			{Text: "social workers", Weight: 1},
			{Text: "psychiatric nurses", Weight: 1},
			{Text: "clinicians", Weight: 0.5},
			{Text: "counselors", Weight: 0.5},
			{Text: "addiction medicine", Weight: 0.5},
			{Text: "salud mental", Weight: 1},
			{Text: "terapeutas", Weight: 1},
			{Text: "psicólogos", Weight: 1},
			{Text: "trabajadores sociales", Weight: 1},
			// Other professions: their strikes are related, not core.
			{Text: "nurses", Weight: -1.5},
			{Text: "respiratory therapists", Weight: -2},
			{Text: "pharmacists", Weight: -1},
			{Text: "pharmacy technicians", Weight: -1},
			{Text: "housekeepers", Weight: -1},
			{Text: "engineers", Weight: -1},
			// The place: Kaiser's Southern California region.
			{Text: "Southern California", Weight: 3},
			{Text: "SoCal", Weight: 3},
			{Text: "sur de California", Weight: 3},
			{Text: "Los Angeles", Weight: 2},
			{Text: "Los Ángeles", Weight: 2},
			{Text: "San Diego", Weight: 2},
			{Text: "Orange County", Weight: 2},
			{Text: "Inland Empire", Weight: 1},
			{Text: "Riverside", Weight: 1},
			{Text: "San Bernardino", Weight: 1},
			{Text: "Ventura", Weight: 1},
			{Text: "Bakersfield", Weight: 1},
			{Text: "Pasadena", Weight: 1},
			{Text: "Fontana", Weight: 1},
			{Text: "Irvine", Weight: 1},
			// Other regions: their strikes are related, not core.
			{Text: "Northern California", Weight: -4},
			{Text: "Bay Area", Weight: -2},
			{Text: "Sacramento", Weight: -1}, // also the state capital
			{Text: "San Francisco", Weight: -2},
			{Text: "San Jose", Weight: -2},
			{Text: "Fresno", Weight: -2},
			{Text: "Santa Rosa", Weight: -2},
			{Text: "Roseville", Weight: -2},
			{Text: "Oakland", Weight: -1}, // also Kaiser's home town
			{Text: "Hawaii", Weight: -4},
			{Text: "Honolulu", Weight: -2},
			{Text: "Oregon", Weight: -2},
			{Text: "Colorado", Weight: -2},
			{Text: "Georgia", Weight: -2},
			{Text: "Mid-Atlantic", Weight: -2},
			{Text: "Washington state", Weight: -2},
		},
		Exclude: []strike.Term{
			// Other Kaisers.
			{Text: "Kaiser Aluminum"},
			{Text: "Kaiser Steel"},
			{Text: "Kaiser shipyards"},
			{Text: "Kaiser Chiefs"},
			{Text: "Kaiser Wilhelm"},
			{Text: "Kaiser roll"},
			{Text: "Kaiser Family Foundation"},
			{Text: "Henry J. Kaiser"},
			{Text: "Kaiser Health News"},
			// Strikes that are not walkouts.
			{Text: "lightning strike"},
			{Text: "air strike"},
			{Text: "airstrike"},
			{Text: "drone strike"},
			{Text: "missile strike"},
			{Text: "military strike"},
			{Text: "preemptive strike"},
			{Text: "hunger strike"},
			{Text: "huelga de hambre"},
			{Text: "strike price"},
			{Text: "strike zone"},
			{Text: "strike out"},
			{Text: "strike team"},
			{Text: "strike down"},
			{Text: "strike a balance"},
			{Text: "striking distance"},
			{Text: "three strikes"},
			// Unions that are not labor unions.
			{Text: "credit union"},
			{Text: "European Union"},
			{Text: "Soviet Union"},
			{Text: "Union Station"},
			{Text: "Union-Tribune"},
			{Text: "Civil Liberties Union"},
			{Text: "picket fence"},
			{Text: "bargaining power"},
			{Text: "bargaining chip"},
		},
		CoreScore:    8,
		RelatedScore: 4,
		// "Kaiser" and "KP" alone name the health system only next to one of
		// these (or "Kaiser Permanente"): a steel mill, a high school and a
		// band share the name. Not "health care" alone: steelworkers bargain
		// over health care costs too.
		EmployerContext: []string{
			"hospital", "patients", "clinic", "medical center", "medical offices",
			"medical group", "health system", "health plan", "health insurer",
			"health care workers", "healthcare workers", "health care giant",
			"healthcare giant", "health care provider", "healthcare provider", "HMO",
			"doctors", "physicians", "nurses", "therapists", "therapy", "psychologists",
			"psychiatrists", "psychiatric", "social workers", "clinicians",
			"mental health", "behavioral health", "appointments", "Permanente",
			"pharmacy", "pharmacists",
			"pacientes", "salud mental", "terapeutas", "clínicas",
		},
		// A regulator's fine or a lawsuit's settlement is not labor news
		// unless its title or first sentence is about the strike.
		NotLabor: []string{
			"fined", "penalty", "settlement", "regulator",
			"Department of Managed Health Care", "lawsuit", "attorney general",
		},
		// The Spanish-language press's name for the 2023 coalition is the
		// coalition's.
		UnionAliases: []strike.UnionAlias{
			{Spelling: "Coalición de Sindicatos de Kaiser Permanente", Union: "Coalition of Kaiser Permanente Unions"},
		},
		Campaign: kaiserScope(),
	}
}

// kaiserScope is which strike the Kaiser campaign follows: NUHW's mental
// health workers in Kaiser's Southern California region, from the start of
// bargaining (July 2024); the end is left open, as for a campaign still
// followed (captains set it when they stop). Its siblings: the same
// union's units in Northern California and Hawaii, the other unions and
// professions at Kaiser (not its doctors, who back the strikers in
// headlines more often than they strike). Sacramento (the state capital)
// and Oakland (Kaiser's head office) are not other regions: news of this
// strike is written there too.
func kaiserScope() strike.Scope {
	return strike.Scope{
		Unions: []string{"NUHW", "National Union of Healthcare Workers", "National Union of Health Care Workers",
			"Sindicato Nacional de Trabajadores de la Salud"},
		OtherUnions: []string{
			"SEIU", "UNAC", "UHCP", "Coalition of Kaiser Permanente Unions", "Coalición de Sindicatos de Kaiser Permanente",
			"Alliance of Health Care Unions",
			"California Nurses Association", "National Nurses United", "OPEIU", "UFCW", "United Steelworkers",
			"Teamsters", "AFSCME", "Guild for Professional Pharmacists",
		},
		Regions: []string{
			"Southern California", "SoCal", "sur de California", "Los Angeles", "Los Ángeles", "San Diego", "Orange County", "Inland Empire",
			"Riverside", "San Bernardino", "Ventura", "Bakersfield", "Pasadena", "Fontana", "Irvine",
			"Long Beach", "Anaheim", "Woodland Hills", "Panorama City", "Downey", "Baldwin Park", "Hollywood",
			"Kern County", "Santa Clarita",
		},
		OtherRegions: []string{
			"Northern California", "NorCal", "Bay Area", "San Francisco", "San Jose", "Fresno", "Santa Rosa",
			"Roseville", "Walnut Creek", "Santa Clara", "Stockton", "Modesto", "Vallejo", "Richmond",
			"Hawaii", "Honolulu", "Oahu", "Maui", "Oregon", "Portland", "Washington state", "Seattle",
			"Colorado", "Denver", "Georgia", "Atlanta", "Mid-Atlantic", "Maryland", "Virginia",
		},
		Workforce: []string{
			"mental health", "behavioral health", "therapists", "psychologists", "social workers",
			"psychiatric nurses", "clinicians", "counselors", "addiction medicine",
			"salud mental", "terapeutas", "psicólogos", "trabajadores sociales",
		},
		OtherWorkforce: []string{
			"nurses", "registered nurses", "respiratory therapists", "physical therapists", "occupational therapists",
			"pharmacists", "pharmacy technicians", "pharmacy workers", "pharmacy assistants", "pharmacy staff",
			"housekeepers", "engineers", "optometrists", "midwives", "lab technicians",
			"enfermeras", "enfermeros", "farmacéuticos",
		},
		Start: "2024-07-01",
	}
}
