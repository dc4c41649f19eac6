/* Stand-in for the engine compiled by TeaVM (replaced by the real player on merge). */
