# candidate
