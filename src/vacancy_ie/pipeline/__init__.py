"""Run time: the rules, the span suggester, the record component and the record builder."""
