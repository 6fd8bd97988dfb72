"""What a draft is and how its text is read and measured: decoding and front matter
(`draft`), the prose view (`markup`), entities, counting per platform (`counting`,
`platforms`) and word lists (`words`). Text may import load/ only."""
