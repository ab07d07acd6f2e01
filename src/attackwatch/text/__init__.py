"""Text helpers below every stage: length-preserving folding (normalize) and date phrases
(dates). Cleaning checks publication dates with them, extraction reads incident dates with
them, packs fold their aliases with them; they import nothing else from the package."""
