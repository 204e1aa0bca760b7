"""What planners take away: planning context, ISF drafts, exercises, quizzes, export."""
