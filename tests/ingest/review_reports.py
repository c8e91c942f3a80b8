"""Two outlets' reports of one meeting, written for the review tests (names invented)."""

FIRST = (
    "AMMAN, March 4, 2024 – Qatar's Minister of State for Defence Affairs Fahad Al Mansouri met Jordanian "
    "Interior Minister Samir Haddad in Amman on Monday to discuss border security and counter-terrorism.\n"
    "The two ministers reviewed joint training programmes for border guards and agreed to expand the exchange "
    "of information on smuggling networks.\n"
    "Haddad said the talks reflected the depth of relations between the two countries."
)
SECOND = (
    "DOHA, March 5, 2024 – Minister of State for Defence Affairs Fahad Al Mansouri held talks in Amman on "
    "Monday with Jordan's Interior Minister Samir Haddad, the Qatar News Agency reported.\n"
    "The meeting covered cybersecurity and the protection of critical infrastructure, as well as border "
    "security, and was attended by Jordanian Police Director Major General Omar Rawashdeh."
)
OTHER_PAIR = (
    "MUSCAT, May 20, 2024 – Oman's Minister of Defence Affairs Salim Al Harthy received Kenya's Cabinet "
    "Secretary for Defence Lydia Wambui on Monday to discuss maritime security and piracy off the coast of "
    "Somalia, the ministry said."
)
