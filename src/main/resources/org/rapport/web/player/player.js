/* Stand-in for the web player (replaced by the real player on merge). */
