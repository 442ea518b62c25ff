"""Analysis pack for Hebrew and Arabic news about the AI industry."""
