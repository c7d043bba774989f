# Downtime's facilitator console, presenter and SSH seats (src/tui, src/host/ssh_screen.rs).

## Status bar and help window (src/tui/view/common.rs, overlay.rs)
hint-keys = touches
hint-next-tab = onglet suivant
hint-scroll = défiler
hint-quit = quitter
help-title-picker = Touches · choix du scénario
help-title-briefing = Touches · briefing
help-title-presenter = Touches · présentation
help-title-end = Touches · écran de fin
help-title-exercise = Touches · exercice
help-symbols = Symboles : gravité · info ○ faible ◆ moyenne ▲ haute ‼ critique ; • non lu ; ? décision ouverte ; ★ recommandé (animateur seulement) ; ⚠ seuil franchi ; ✗ indisponible.
help-mouse = Pour sélectionner du texte à la souris, maintenez Maj en faisant glisser (la console reçoit les clics de la souris).

## The keys of each screen (src/tui/keys.rs)
keys-play-choose-that-option-of = choisir cette option de la décision ouverte
keys-play-tick-or-untick-the = cocher ou décocher l’option en surbrillance, pour une décision à plusieurs réponses (Entrée prend les options cochées)
keys-play-step-the-clock-asks = avancer l’horloge d’un pas (demande d’abord si une décision ouverte arriverait à échéance)
keys-play-jump-to-the-next = aller au message suivant (demande d’abord si une décision ouverte arriverait à échéance)
keys-play-skip-to-the-next = passer à la phase suivante (demande d’abord, en disant ce qui est perdu) / la commencer entre deux phases
keys-play-choose-the-highlighted-option = choisir l’option en surbrillance ; commencer la phase suivante
keys-play-pause-or-resume-the = mettre en pause ou reprendre l’horloge
keys-play-realtime-pacing-on-or = rythme en temps réel activé ou non (désactivé : HORLOGE MANUELLE)
keys-play-pacing-faster-or-slower = rythme plus rapide ou plus lent
keys-play-show-the-message-of = afficher le message de la décision ouverte suivante ; le panneau suivant s’il n’y en a pas d’autre
keys-play-previous-panel = panneau précédent
keys-play-move-in-the-panel = se déplacer dans le panneau (fil, texte, options)
keys-play-previous-or-next-panel = panneau précédent ou suivant
keys-play-page-through-the-injects = faire défiler le texte du message
keys-play-curveball-the-pool-first = imprévu : la réserve d’abord, puis n’importe quel message ; tapez pour filtrer
keys-play-the-cast-who-sends = les personnages : qui envoie quoi, leurs notes et leurs secrets
keys-play-actions-a-team-takes = actions : une équipe prend l’une des actions répétables du scénario
keys-play-override-a-metric-with = corriger un indicateur, avec une raison
keys-play-add-a-note-to = ajouter une note au journal
keys-play-rate-the-objectives-psmu = évaluer les objectifs P/S/M/U (entre deux phases)
keys-play-undo-the-last-decision = annuler la dernière décision (demande d’abord, montre ce qui est annulé)
keys-play-rewind-to-an-earlier = revenir à une entrée antérieure du journal (demande d’abord, montre ce qui est annulé)
keys-play-end-the-exercise-now = terminer l’exercice maintenant (demande d’abord)
keys-play-show-on-the-projector = montrer au projecteur : épingler le message choisi, sa pièce jointe ou les questions de la phase ; s de nouveau libère
keys-play-session-plan-planned-and = plan de séance : temps prévu et passé par phase
keys-play-seats-with-seats-links = postes (avec --seats) : liens, codes et QR codes, qui a rejoint, les votes ; un nouveau lien pour un poste, le responsable d’une équipe
keys-play-take-the-teams-majority = prendre le vote majoritaire de l’équipe sur la décision ouverte (avec --seats) ; choisir autrement demande pourquoi
keys-play-presenter-view-on-or = vue de présentation activée ou non (sans révéler la suite)
keys-play-largetype-layout-of-the = grands caractères dans la vue de présentation, ou non
keys-play-times-as-day-and = heures en jour et horloge (dim. 08:00) ou en décalages T+
keys-play-the-board-every-metric = le tableau de bord : chaque indicateur, système, service et échéance, en plein écran
keys-play-this-help = cette aide
keys-play-close-a-window-back = fermer une fenêtre, revenir en arrière
keys-play-quit-asks-first-the = quitter (demande d’abord ; le journal garde tout)
keys-play-suspend-the-console-fg = suspendre la console (fg la ramène ; le projecteur l’indique)
keys-play-click-a-feed-item = cliquer sur un message du fil ou une option pour le choisir ; Maj+glisser sélectionne du texte
keys-end-next-or-previous-tab = onglet suivant ou précédent
keys-end-scroll = faire défiler
keys-end-export-the-report-beside = exporter le rapport à côté du journal
keys-end-rate-the-objectives-psmu = évaluer les objectifs P/S/M/U, avec une note
keys-end-undo-the-last-decision = annuler la dernière décision (demande d’abord, montre ce qui est annulé)
keys-end-rewind-to-an-earlier = revenir à une entrée antérieure du journal (demande d’abord)
keys-end-session-plan-planned-and = plan de séance : temps prévu et passé par phase
keys-end-presenter-view-on-or = vue de présentation activée ou non
keys-end-times-as-day-and = heures en jour et horloge (dim. 08:00) ou en décalages T+
keys-end-the-board-as-the = le tableau de bord à la fin de l’exercice, en plein écran
keys-end-this-help = cette aide
keys-end-quit = quitter
keys-present-look-at-an-older = revoir un message plus ancien (ce que l’animateur épingle passe en premier)
keys-present-largetype-layout-on-or = grands caractères ou non : le message, sa question, le compte à rebours
keys-present-the-board-every-metric = le tableau de bord : chaque indicateur, système, service et échéance, en plein écran
keys-present-tabs-of-the-end = onglets de l’écran de fin
keys-present-this-help = cette aide
keys-present-quit-the-journal-is = quitter (le journal est seulement lu)
keys-picker-choose-a-scenario = choisir un scénario
keys-picker-open-its-briefing = ouvrir son briefing
keys-picker-quit = quitter
keys-briefing-move-in-the-form = se déplacer dans le formulaire
keys-briefing-change-a-parameter = changer un paramètre
keys-briefing-edit-a-field-on = modifier un champ ; sur Démarrer : démarrer l’exercice
keys-briefing-start-the-exercise = démarrer l’exercice
keys-briefing-switch-between-the-form = passer du formulaire au texte du scénario et (avec --seats) aux postes
keys-briefing-the-highlighted-seats-qr = le QR code du poste en surbrillance, en grand
keys-briefing-on-the-seats-a = sur les postes : un nouveau lien et un nouveau code pour le poste en surbrillance
keys-briefing-scroll-the-scenario-text = faire défiler le texte du scénario
keys-briefing-quit = quitter

## The briefing (src/tui/view/briefing.rs)
brief-title = Briefing
brief-setting = Contexte
brief-starts = Début { $start } · dure au plus { $end }
brief-real-time = environ { $duration } de temps réel
brief-objectives = Objectifs
brief-teams = Équipes
brief-how-to-play = Déroulement
brief-keys = Touches pendant l’exercice
brief-organisation = Organisation
brief-facilitator = Animateur
brief-members = { $team } (qui)
brief-start = Démarrer l’exercice
brief-no-journal = graine { $seed } · sans journal
brief-journal-latest = graine { $seed } · projecteur : downtime present --latest · journal
brief-journal-resuming = graine { $seed } · reprise · projecteur : downtime present
brief-journal = graine { $seed } · projecteur : downtime present
brief-seats = Postes : scannez, ouvrez ou tapez le code · Tab
brief-scenario-seats = Le scénario · Tab : postes
brief-scenario = Le scénario
brief-set-up = Préparer la salle
brief-who = Qui est dans la salle (facultatif, pour le rapport)
brief-parameters = Paramètres de cette partie

## The exercise screen (src/tui/view/exercise.rs)
hint-close-board = fermer le tableau
hint-older-injects = injects plus anciens
hint-board = tableau
hint-resume = reprendre
hint-pause = pause
hint-facilitator-view = vue animateur
hint-begin-next-phase = ouvrir la phase suivante
hint-choose = choisir
hint-step = avancer
hint-next-inject = inject suivant
hint-open-decision = décision ouverte
hint-panel = panneau
hint-curveball = imprévu
hint-presenter = vue salle
clock-console-closed = ■ console fermée
clock-console-suspended = ⏸ console suspendue (il y a { $s } s)
clock-console-lost = ⚠ console déconnectée (vue il y a { $s } s)
clock-ended = ■ TERMINÉ
clock-phase-break = ◆ ENTRE DEUX PHASES
clock-paused-console = ⏸ EN PAUSE · console en pause
clock-paused = ⏸ EN PAUSE
clock-paced = ▶ CADENCÉ 1 min = { $speed } min
clock-paced-waits = {" "}· attend une décision
clock-manual = HORLOGE MANUELLE
header-elapsed-long-wall = écoulé { $active } (hors pauses) · heure locale { $wall }{" "}
header-elapsed-long = écoulé { $active } (hors pauses){" "}
header-elapsed-mid-wall = écoulé { $active } hors pauses · { $wall }{" "}
header-elapsed-mid = écoulé { $active } hors pauses{" "}
header-elapsed-short-wall = écoulé { $active } · { $wall }{" "}
header-elapsed-short = écoulé { $active }{" "}
header-phase = Phase { $n }/{ $of } ·{" "}
panel-injects-unread = Injects · { $n } · { $unread } non lus
panel-injects = Injects · { $n }
feed-empty-presenter = Rien pour l’instant.
feed-empty = Rien pour l’instant. Espace avance l’horloge, n saute à l’inject suivant.
feed-hidden = (caché)
panel-coming-up = À venir · animateur seulement
upcoming-none = rien de programmé (conditions et décisions peuvent encore déclencher des injects)
detail-phase-title = Phase { $n } · { $title }
detail-discuss = À discuter
detail-no-inject = Aucun inject pour l’instant.
detail-attached-to = joint à « { $title } »
detail-from = de { $sender }
detail-curveball = imprévu
detail-thrown = lancé { $n } fois
detail-hidden = caché : animateur seulement (ni équipe, ni projecteur, ni poste ne le voit)
detail-to = à { $teams }
detail-attachment = Pièce jointe · { $name }
detail-notes = Notes de l’animateur
detail-playing = Vous jouez { $name } (C : les personnages)
detail-secret = secret : { $secret }
panel-inject-held = Inject · projecteur figé sur { $what } (s)
panel-inject = Inject
countdown-real = ⏱ { $clock } réel
countdown-up = ⏱ temps écoulé
countdown-scenario = { $left } scénario
open-this-message = (ce message)
open-press-tab = (touche Tab)
open-decisions = { $n ->
    [one] { $n } décision ouverte : { $names }
   *[other] { $n } décisions ouvertes : { $names }
}
decision-timeout-presenter = Temps écoulé : choix par défaut ({ $picked })
decision-timeout = temps écoulé : choix par défaut ({ $picked }) à { $at }
decision-decided = Décidé à { $at } : { $picked }
decision-none-here = Pas de décision pour ce message.
decision-none = Aucune décision ouverte.
decision-several-presenter = Plusieurs réponses : { $words }.
decision-several = Plusieurs réponses : { $words } · ↑↓ i coche · Entrée prend les { $n } cochées · un numéro seul en prend une
votes-none = Pas encore de vote des postes de l’équipe.
votes-majority = { $n ->
    [one] { $n } vote · majorité { $majority } : M la retient
   *[other] { $n } votes · majorité { $majority } : M la retient
}
votes-tied = { $n } votes, égalité : choisir demande pourquoi
votes-count = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
decision-unavailable = indisponible : { $why }
panel-decision = Décision
more-options = { $n ->
    [one] option
   *[other] options
}
panel-metrics = Indicateurs
panel-systems = Systèmes · services
board-paper = papier
deadline-met = tenue
deadline-missed = manquée
deadline-left = reste { $left }
panel-deadlines-running = Échéances · { $n } en cours
panel-deadlines = Échéances
deadline-none = aucune en cours
more-running = +{ $n } de plus ({ $running } en cours) · b
more-shows-all = +{ $n } de plus · b montre tout
panel-log = Journal · animateur seulement
more-earlier = plus anciennes
more-n = { $n }{ $what } de plus
more-n-above = { $n }{ $what } de plus au-dessus
more-n-below = { $n }{ $what } de plus en dessous

## The end screen
end-tab-summary = Synthèse
end-tab-checks = Vérifications
end-tab-charts = Courbes
end-tab-decisions = Décisions
end-ending = Dénouement
end-ended-by-facilitator = (l’animateur a mis fin à l’exercice)
end-no-score = Pas de score : exercice de discussion (vérifications, échéances et évaluations ci-dessous)
end-grade = { " · " }note { $grade } — { $label }
end-score = Score { $score } / 100{ $grade } (animateur seulement)
end-checks-summary = Bonnes pratiques : { $met } respectée(s), { $missed } manquée(s) (onglet 2)
end-time-and-decisions = Temps du scénario { $time } · { $n ->
    [one] { $n } décision
   *[other] { $n } décisions
}
end-objectives = Objectifs (évaluation HSEEP)
end-objectives-rate = Objectifs (évaluation HSEEP ; o pour évaluer)
end-note = Note : { $note }
end-journal = Journal :{ " " }
end-no-journal = Aucun journal n’a été écrit.
end-report = Rapport :{ " " }
end-press-x = Appuyez sur x pour écrire le rapport de retour d’expérience à côté du journal.
end-unchanged = inchangé
end-flags-counters = Indicateurs d’état et compteurs
end-flags-counters-legend = (valeur finale · changements)
end-changed = { $n ->
    [one] changé à { $at }
   *[other] { $n } changements, dernier à { $at }
}
end-met = Respectées
end-missed = Manquées
end-none = aucune
end-not-applicable = Sans objet
end-no-metrics = Ce scénario n’a pas d’indicateurs.
end-chart-title = { $label } · maintenant { $value }
end-chart-start = T+0 h
end-charts-range = courbes { $from }–{ $to } sur { $n } · ↑↓ défiler
end-col-when = quand
end-col-decision = décision
end-col-real = réel
end-col-scenario = scénario
end-no-decisions = aucune décision
end-timed-out = (⏱ temps écoulé : choix par défaut)
end-override = correction { $metric } : { $from } → { $to } ({ $reason })
end-notes-overrides = Notes et corrections
