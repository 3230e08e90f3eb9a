package synth

import "github.com/gongwei-lib/gongwei/education"

// drawAwareness is the purpose of the stream of the survey's awareness topics, apart
// from every other.
const drawAwareness uint64 = 317

// Demonstration figures of the awareness topics and of audio-visual material (none is
// a rule): each topic asked with 7 items (as one provincial survey's 7 core items), the
// example round's awareness cut-off, and the length of one play.
const (
	awarenessItems   = 7
	awarenessPercent = 70 // 5 of 7 items
	avPlayMinutes    = 20
)

// surveyAwareness adds the plans' awareness topics to resp, each respondent answering
// every topic, on a stream of its own: 3 to 7 items right of 7.
func (c *County) surveyAwareness(p *Person, resp *education.SurveyResponse) {
	r := c.rng(p.Index, drawAwareness)
	resp.AwarePercent = awarenessPercent
	for _, t := range education.Topics {
		resp.Awareness = append(resp.Awareness, education.TopicScore{Topic: t, Got: between(r, 3, awarenessItems), Full: awarenessItems})
	}
}
