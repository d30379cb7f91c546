package coverage

// Indexed returns how many members the desk's clustering index holds.
func (d *Desk) Indexed() int { return d.clusterer.Len() }
