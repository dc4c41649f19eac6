# title: Glasses not ready for the interview
# customer: Priya Shah
# persona: Priya, 41, ordered new prescription glasses ten days ago for a job interview tomorrow morning. She broke her old pair last week and has been squinting at her laptop since.
# mood: -2
# difficulty: beginner
# minutes: 4
# setting: Counter, ClearView Opticians on the high street, Wednesday at 5 p.m.
# summary: A customer's glasses are not ready the day before a job interview. Acknowledge what is at stake, then offer the loan frames you have and a firm pickup time.
# objective: Say back what tomorrow means to her before you explain the delay
# objective: Offer the loan frames and give a pickup time you can keep
# may-do: Lend ready-made reading frames in her strength free of charge
# may-do: Promise the finished glasses for Friday at 10 a.m., as the lab has confirmed
# may-not-do: Promise the glasses for tomorrow morning
# tag: retail

-> counter

=== counter ===
They told me ten days. It's been ten days. I have an interview at nine tomorrow and I can't read a screen without squinting. #emotion:anxious #empathy-steps.demonstrate #active-listening.paraphrase
* [An interview at nine with no glasses. No wonder you're worried. #grade:best #mood:+2 #empathy-steps.demonstrate #active-listening.paraphrase #why: Saying back the interview and the time shows Priya you heard what is really at stake, not just a late order. She can stop fighting to be taken seriously.]
    -> options
* [The lab has been very busy this month, so a lot of orders are running late. #grade:harmful #mood:-2 #pitfall.minimize #why: This minimizes her problem: "a lot of orders are running late" makes her interview one more late order, with the lab's workload as the excuse. Acknowledge what tomorrow means to her first.]
    -> options
* [Let me look up your order. #grade:good #mood:0 #active-listening.clarify #why: Looking up the order is reasonable, but it skips past the interview she just told you about. Say back what is at stake before you check the system.]
    -> options

=== options ===
Okay. So what can you actually do before nine tomorrow? #emotion:impatient #options.workaround #whats-next.when
* [I'll have them for you first thing tomorrow, I'm sure of it. #grade:harmful #mood:+1 #pitfall.overpromise #why: This over-promises: the lab has confirmed Friday, not tomorrow, so Priya will plan her morning around glasses that won't be here. Offer what you can actually do.]
    -> let_down
* [Loan frames in your strength, free, today. Yours will be here Friday at ten. #grade:best #mood:+2 #options.workaround #whats-next.when #why: A real workaround for tomorrow and a firm time for the finished pair give Priya something she can plan around, and nothing you can't deliver.]
    -> sorted
* [Someone will call you when they're in. #grade:weak #mood:-1 #pitfall.vague-next #why: A vague next step: "someone" and "when" give Priya nothing for tomorrow morning. Offer the loan frames and name the pickup time instead.]
    -> walks_out

=== sorted ===
Loan frames will do for tomorrow. Friday at ten, then. Thank you. #emotion:relieved #outcome:won #title: Ready for the interview #summary: Hearing what the interview meant let Priya feel taken seriously, and the loan frames solved tomorrow without promising anything the lab could not deliver.
-> END

=== let_down ===
You said first thing. It's Thursday and they're not here, and I'm late. #emotion:angry #outcome:kept #title: A promise the lab couldn't keep #summary: The over-promise felt good for a day, then failed when it mattered. Priya still collects her glasses on Friday, but she will not trust a date from this shop again.
-> END

=== walks_out ===
I'll go to the optician at the station, they do same-day reading glasses. #emotion:fed-up #outcome:lost #title: Gone to the station optician #summary: With no workaround for tomorrow and no time for the order, Priya solved the problem somewhere else and cancelled the order.
-> END
