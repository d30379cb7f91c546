package feeds

import (
	"bytes"
	"encoding/xml"
)

// capItems returns an XML feed body cut after the first 2*limit items (RSS
// <item> or Atom <entry> elements near the root), with the elements still
// open at that point closed, so that a feed with a hundred thousand items
// costs no more to parse than one with 2*limit. Twice the limit leaves room
// for duplicates among the first items. Bodies with fewer items, JSON
// bodies, and bodies the scan cannot follow are returned unchanged; the
// format parser reports their errors.
func capItems(body []byte, limit int) []byte {
	keep := 2 * limit
	if bytes.Count(body, []byte("<item"))+bytes.Count(body, []byte("<entry"))+
		bytes.Count(body, []byte(":item"))+bytes.Count(body, []byte(":entry")) <= keep {
		return body // cheap test: cannot hold more items than that
	}
	r := bytes.NewReader(body)
	d := xml.NewDecoder(r)
	d.Strict = false
	var open []xml.Name // elements from the root down to the current one
	items := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return body // io.EOF included: fewer items than counted
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, t.Name)
		case xml.EndElement:
			// Pop up to the matching start tag; an end tag without one
			// is ignored, as is an unclosed element like a stray <br>.
			i := len(open) - 1
			for i >= 0 && open[i] != t.Name {
				i--
			}
			if i < 0 {
				continue
			}
			open = open[:i]
			if len(open) > 2 || t.Name.Local != "item" && t.Name.Local != "entry" {
				continue
			}
			if items++; items < keep {
				continue
			}
			off := d.InputOffset()
			var b bytes.Buffer
			b.Grow(int(off) + 64)
			b.Write(body[:off])
			for i := len(open) - 1; i >= 0; i-- {
				b.WriteString("</")
				if open[i].Space != "" {
					b.WriteString(open[i].Space)
					b.WriteByte(':')
				}
				b.WriteString(open[i].Local)
				b.WriteByte('>')
			}
			return b.Bytes()
		}
	}
}
