# The seats: the web seat page (assets/web) and the SSH seat screen (src/host).

## The SSH seat's screen (src/host/ssh_screen.rs, ssh.rs)
seat-enlarge = Downtime : agrandissez la fenêtre
seat-waiting-host = Downtime : en attente de l’hôte de l’exercice…
seat-rotated = Downtime : le code de ce poste a changé ; demandez le nouveau à l’animateur.
seat-situation = Situation
seat-your-decision = Votre décision
seat-open-decisions = Décisions ouvertes
seat-pinned = Affiché par l’animateur
seat-inbox-title = Messages ({ $n }), les plus récents d’abord
seat-keys-lead-actions = 1–9 voter · s valider · a action suivante · t la prendre · Tab décision suivante · ↑↓ défiler · q quitter
seat-keys-lead = 1–9 voter · s valider le choix de l’équipe · Tab décision suivante · ↑↓ défiler · q quitter
seat-keys-member = 1–9 voter · Tab décision suivante · ↑↓ défiler les messages · q quitter
seat-keys-presenter = Tab décision suivante · ↑↓ défiler les messages · q quitter
seat-confirm-take = y / n : prendre « { $action } » pour l’équipe maintenant ?
seat-confirm-submit = y / n : valider « { $choice } » comme décision de l’équipe ? Le vote sera clos.
seat-presenter = Présentation
seat-stage-briefing = Briefing : l’exercice n’a pas commencé
seat-stage-paused = En pause
seat-stage-break = Entre deux phases
seat-stage-ended = L’exercice est terminé
seat-clock = { $offset } · { $time } · phase { $phase }/{ $phases } : { $title }
seat-ended = L’exercice est terminé : { $title }
seat-next-phase = Ensuite : { $title }
seat-no-decision-team = Aucune décision n’attend votre équipe.
seat-no-decision = Aucune décision n’est ouverte.
seat-n-of = ({ $i } sur { $n })
seat-time-left = Temps restant : { $left }
seat-several = Plusieurs réponses : { $pick } (appuyez sur un numéro pour le cocher ou le décocher).
seat-not-available = (indisponible)
seat-votes = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
seat-lead-hint = Vous êtes responsable de l’équipe : appuyez sur s pour valider « { $choice } » comme choix de l’équipe (votez d’abord pour une autre option pour valider celle-ci).
seat-actions-lead = Actions que votre équipe peut prendre à tout moment (a suivante · t la prendre)
seat-actions-member = Actions que le responsable de votre équipe peut prendre à tout moment
seat-taken-times = { $n ->
    [one] prise { $n } fois
   *[other] prise { $n } fois
}
seat-at-most = ({ $n } au plus)
seat-again-in = de nouveau dans { $left }
seat-not-available-now = (indisponible pour l’instant)
seat-deadlines = Échéances
seat-deadline-left = { $label } : encore { $left }
seat-decided = Décidé
seat-timed-out = (temps écoulé)
seat-systems = Systèmes
seat-services = Services
seat-no-message = Aucun message pour l’instant.
seat-attachment = Pièce jointe : { $name }
seat-more-rows = { $n ->
    [one] … encore { $n } ligne
   *[other] … encore { $n } lignes
}
seat-not-taken = Action non prise.
seat-not-submitted = Choix non validé.
seat-option-unavailable = L’option { $n } est indisponible.
seat-no-such-option = Il n’y a pas d’option { $n }.
seat-only-lead-submits = Seul le responsable de l’équipe valide le choix de l’équipe.
seat-only-lead-takes = Seul le responsable de l’équipe prend les actions de l’équipe.
seat-tick-first = Cochez d’abord les options (leurs numéros) : votre vote est ce que vous validez.
seat-none-available = Aucune option n’est disponible.
seat-no-action = Votre équipe n’a aucune action à prendre.
seat-ticked = { $n ->
    [one] { $n } cochée : { $pick } pour voter.
   *[other] { $n } cochées : { $pick } pour voter.
}
seat-cannot-take-now = « { $action } » ne peut pas être prise maintenant.
seat-presenter-no-vote = L’écran de présentation ne vote pas.
seat-busy = L’hôte est occupé : réessayez.
seat-vote-recorded = Vote enregistré.
seat-choice-in = Le choix de l’équipe est transmis.
seat-action-done = C’est fait : l’action est prise.
seat-action-not-open = Cette action n’est pas ouverte à votre équipe.
seat-decision-closed = Cette décision n’est plus ouverte.
seat-refused = Non fait : { $why }
seat-not-saved = Non enregistré : l’hôte n’a pas pu l’enregistrer ; réessayez.

## The web seat page (assets/web/app.html, app.js, join.html; src/host/web.rs)
seat-web-page-title = Poste Downtime
seat-web-skip = Aller à la décision
seat-web-connecting = Connexion…
seat-web-ending = Dénouement
seat-web-briefing = Briefing
seat-web-decision = Décision
seat-web-name-label = Votre nom (facultatif, affiché avec votre vote)
seat-web-no-decision-you = Aucune décision ne vous attend.
seat-web-actions = Actions que votre équipe peut prendre
seat-web-actions-note = Le responsable de votre équipe les prend : dites-lui laquelle.
seat-web-inbox = Messages
seat-web-taken = Décisions prises
seat-web-join-page-title = Rejoindre l’exercice — Downtime
seat-web-join = Rejoindre l’exercice
seat-web-code-label = Code d’accès (6 chiffres, donné par l’animateur)
seat-web-join-button = Rejoindre
seat-web-join-other = Ou scannez le QR code de votre équipe, ou ouvrez le lien donné par l’animateur.
seat-web-bad-link = Ce lien n’est pas (ou plus) valide. Saisissez plutôt le code d’accès de votre équipe.
seat-web-too-many = Trop de codes erronés depuis cet appareil : patientez un moment, puis réessayez.
seat-web-bad-code = Ce code n’est pas le bon. Vérifiez-le et réessayez.
seat-web-full = Ce poste est complet : adressez-vous à l’animateur, ou attendez qu’un membre parte.
seat-web-not-joined = Cette page n’est plus connectée à l’exercice : rouvrez le lien ou saisissez le code d’accès.
seat-web-too-many-tries = Trop de tentatives : patientez un instant.
seat-web-not-done = Non fait : la décision est peut-être close.
seat-web-offline = Pas de connexion avec l’hôte.
seat-web-team-decision = La décision de votre équipe
seat-web-several = Plusieurs réponses : { $pick }. Touchez une option pour la cocher ou la décocher.
seat-web-lead = Vous êtes responsable de l’équipe : validez le choix de l’équipe quand elle a tranché.
seat-web-submit = Valider « { $choice } » comme choix de l’équipe
seat-web-confirm-submit = Valider « { $choice } » comme décision de l’équipe ? Le vote sera clos.
seat-web-tick-first = Cochez d’abord les options : votre vote est ce que vous validez.
seat-web-vote-other = Votez d’abord pour une autre option pour valider celle-ci à la place.
seat-web-at-most = { $n } au plus
seat-web-none-left = plus aucune
seat-web-again-in = de nouveau dans { $n } min
seat-web-not-available-now = indisponible pour l’instant
seat-web-confirm-take = Prendre « { $action } » pour l’équipe maintenant ?
seat-web-new = Nouveau :
seat-web-none-yet = Aucune pour l’instant.
seat-web-deadline-left = { $label } : encore { $n } min
seat-web-item = { $name } : { $value }
seat-web-capacity = { $name } : capacité { $n } %
seat-web-unread = { $n ->
    [one] ({ $n } non lu)
   *[other] ({ $n } non lus)
}
seat-web-lost = Connexion perdue : reconnexion…
seat-web-plain = Cette connexion n’est pas chiffrée : toute personne sur ce réseau peut lire ce que montre cette page.

# host and start-up (issue 17)
ssh-screen-closed = l’écran de l’exercice a été fermé
seat-refused-pick = { $n ->
    [one] choisissez une option
   *[other] choisissez { $n } options
}
seat-refused-pick-range = choisissez de { $min } à { $max } options
seat-refused-unavailable = cette option n’est pas disponible
seat-refused-not-together = ces options ne peuvent pas être prises ensemble
seat-refused-action = cette action ne peut pas être prise maintenant
seat-refused-action-why = cette action ne peut pas être prise maintenant : { $why }
