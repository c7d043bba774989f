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
key-space = Espace
key-enter = Entrée
key-esc = Échap
key-shift-tab = Maj-Tab
key-page-up = PgPréc
key-page-down = PgSuiv
key-mouse = souris
key-seats = (postes)
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
detail-from = expéditeur : { $sender }
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

## Overlays: help, confirmations, rewind, projector, plan, seats, forms
end-now-reason = terminé par l’animateur
actions-none = ce scénario n’a pas d’actions
too-small-title = Agrandissez cette fenêtre
too-small-size = Downtime a besoin d’au moins { $min } ; celle-ci fait { $size }.
too-small-waits = L’exercice attend ; q pour quitter.
actions-title = Actions · une équipe agit maintenant
problems-title = Problèmes dans { $file }
problems-hint = Échap ferme · corrigez le fichier et relancez Downtime
help-journal-saved = Chaque commande est enregistrée dans le journal au moment où elle est donnée :
help-closes = Échap ou ? ferme cette aide
confirm-quit = Quitter ?
confirm-quit-journal = Le journal garde tout : reprenez plus tard avec
confirm-quit-no-journal = Cet exercice n’a pas de journal : il ne pourra pas être repris.
confirm-undo = Annuler ?
confirm-rewind = Revenir en arrière ?
confirm-rewind-entry = Revenir avant l’entrée { $entry } ?
confirm-ending = Terminer avec des décisions encore ouvertes ?
confirm-ending-text = L’exercice a atteint son dénouement « { $ending } ». { $open } Oui le termine maintenant et { $n ->
    [one] la laisse
   *[other] les laisse
} sans réponse ; non laisse d’abord les équipes répondre.
confirm-end-now = Terminer l’exercice maintenant ?
confirm-end-now-text = Le dénouement par défaut s’applique et le débriefing s’ouvre. Annuler peut ensuite reprendre la dernière décision, pas la fin.
confirm-end-now-open = { $open } Elles resteront sans réponse. Le dénouement par défaut s’applique et le débriefing s’ouvre. Annuler peut ensuite reprendre la dernière décision, pas la fin.
confirm-yes = oui
confirm-no = non, rien ne change
undo-choice = Le dernier choix est repris.
undo-timeout = Le dernier délai écoulé est repris.
undo-phase-skip = Le dernier passage de phase est repris.
undo-clock = La commande d’horloge pendant laquelle un délai a expiré est reprise.
rewind-hint = ↑↓ choisir · Entrée prévisualise, puis demande · Échap annule
rewind-title = Retour arrière · juste avant une entrée du journal
show-now = Actuellement au vidéoprojecteur : { $label }
show-hint = Cela reste sur la vue présentateur jusqu’à libération ; sinon le présentateur montre le dernier message. 1-9 ou Entrée épingle · Échap annule
show-title = Montrer au vidéoprojecteur
pin-inject = « { $title } »
pin-attachment = la pièce jointe { $name }
pin-questions = les questions de la phase { $n } · { $phase }
pin-message = le message { $label }
pin-release = libérer : le vidéoprojecteur montre de nouveau le dernier message
plan-col-phase = Phase
plan-col-planned = prévu
plan-col-spent = passé
plan-total = Total
plan-now = en cours
plan-now-left = en cours, reste { $left }
plan-now-over = en cours, { $over } de dépassement
plan-minutes = { $n } min
plan-limits = Les délais en temps réel des décisions totalisent { $total } ({ $n ->
    [one] { $n } délai
   *[other] { $n } délais
}).
plan-limits-of = Les délais en temps réel des décisions totalisent { $total } ({ $n ->
    [one] { $n } délai
   *[other] { $n } délais
}) sur une séance de { $session }.
plan-no-estimate = Ce scénario ne donne pas d’estimation : indiquez `duration` dans son meta, ou `estimate` sur chaque phase.
plan-legend = Le temps passé est du temps réel, pauses exclues ; le débriefing d’une phase y compte. Échap ferme.
plan-title = Plan de séance · animateur seulement
plan-phase-line = { $title } : { $planned } prévues, { $spent } passées
plan-phase-line-unplanned = { $title } : { $spent } passées
seats-title = Postes · animateur seulement
seats-votes = Votes sur les décisions ouvertes
seats-hint = ↑ ↓ poste · Entrée son QR code (Entrée à nouveau : retour) · r nouveau lien et code (tous ceux qui l’utilisent sont déconnectés) · l responsable suivant · M (hors fenêtre) retient la majorité · u rouvre la dernière décision · Échap
overrule-question = Vous choisissez { $options }, mais { $room }. Pourquoi ? (cela figure au journal et au rapport)
overrule-hint = Entrée décide avec cette raison · Échap ne décide pas
overrule-title = Passer outre la salle
note-hint = Entrée enregistre la note au journal · Échap annule
note-title = Note
rate-rating = Évaluation
rate-note = Note
rate-type-letter = tapez P, S, M ou U
rate-type-letter-first = tapez d’abord P, S, M ou U
rate-hint = L’évaluation de l’évaluateur va au journal et au rapport ; la suggestion n’est que l’arithmétique des vérifications. ◂ ▸ choisit l’objectif, Tab passe à la note, Entrée enregistre, Échap annule.
rate-title = Évaluer un objectif
override-metric = Indicateur
override-value = Valeur
override-reason = Raison
override-metric-line = ◂ { $label } ▸  actuel { $now } ({ $min }..{ $max })
override-hint = 50 fixe la valeur, +5 ou -5 la modifie. Tab passe d’un champ à l’autre, ◂ ▸ choisit l’indicateur, Entrée applique, Échap annule.
override-title = Corriger un indicateur
override-give-reason = donnez une raison : elle figure au rapport
override-type-value = tapez une valeur : 50 la fixe, +5 ou -5 la modifie
override-not-a-number = `{ $text }` n’est pas un nombre : 50 fixe la valeur, +5 ou -5 la modifie

## The phase break
phase-end-of = Fin de la phase { $n } · { $title }
phase-discuss = À discuter
phase-notes = Notes de l’animateur
phase-next = Ensuite · phase { $n } · { $title }
phase-starts-at = commence à { $offset } · { $at }
phase-plan-line = { $line } (t : le plan de séance)
phase-enter-begins = Entrée ouvre la phase suivante quand la salle est prête.

## What a command would do or did (previews, the rewind list)
cmd-start = début
cmd-step = pas d’horloge
cmd-next-inject = aller à l’inject suivant
cmd-next-phase = phase suivante
cmd-chose = choix { $options } pour « { $decision } »
cmd-choice = choix
cmd-timed-out = ⏱ temps écoulé pour « { $decision } »
cmd-timeout = délai écoulé
cmd-took = action « { $action } »
cmd-action = action
cmd-pause = pause
cmd-resume = reprise
cmd-curveball-named = imprévu « { $inject } »
cmd-curveball = imprévu
cmd-override-of = correction de l’indicateur { $metric }
cmd-override = correction
cmd-note = note
cmd-seat = poste
cmd-rate = objectif évalué
cmd-undo = annulation
cmd-rewind = retour à l’entrée { $entry }
cmd-confirm-ending = dénouement confirmé
cmd-end-now = exercice terminé
look-still-open = { $n ->
    [one] { $n } décision est encore ouverte : { $names }.
   *[other] { $n } décisions sont encore ouvertes : { $names }.
}
look-stay-open = { $n ->
    [one] Elle reste ouverte.
   *[other] Elles restent ouvertes.
}
look-skip-moves = Passer à la phase suivante avance l’horloge de { $span } ({ $from } → { $to }) ; { $fired ->
    [0] aucun message n’arrive
    [one] { $fired } message arrive
   *[other] { $fired } messages arrivent
}.
look-clock-moves = L’horloge avance de { $span } ({ $from } → { $to }) ; { $fired ->
    [0] aucun message n’arrive
    [one] { $fired } message arrive
   *[other] { $fired } messages arrivent
}.
look-times-out = « { $decision } » arrive à échéance : choix par défaut ({ $option }).
look-reaches-ending = L’exercice atteint son dénouement « { $ending } ».
look-q-skip = Passer à la phase suivante ?
look-q-go-on = Continuer ?
look-q-skip-time-out = Passer à la phase suivante et clore { $n ->
    [one] la décision ouverte
   *[other] les { $n } décisions ouvertes
} par défaut ?
look-q-time-out = Clore { $n ->
    [one] la décision ouverte
   *[other] les { $n } décisions ouvertes
} par défaut et continuer ?
look-undo-can = Annuler pourra le reprendre ensuite.
look-returns-before-entry = L’exercice revient au moment juste avant l’entrée { $entry } du journal.
look-returns-before = L’exercice revient au moment qui la précède.
look-how-timed-out = ⏱ temps écoulé : choix par défaut
look-how-answered = répondu
look-opens-again = « { $decision } » ({ $how } : { $options }) est rouverte.
look-clock-back = L’horloge revient de { $from } à { $to }.
look-leave-feed = { $n ->
    [one] { $n } message quitte le fil.
   *[other] { $n } messages quittent le fil.
}
look-entries-taken-back = { $n ->
    [one] { $n } entrée du journal est reprise (le journal la garde, marquée annulée) ; notes et évaluations restent.
   *[other] { $n } entrées du journal sont reprises (le journal les garde, marquées annulées) ; notes et évaluations restent.
}

## The console's log and status-bar notices
log-to-facilitator = l’animateur seulement (masqué)
log-to-all = toutes les équipes
log-fired = « { $title } » à { $to }
log-fired-curveball = « { $title } » à { $to } (imprévu)
log-skipped = « { $title } » n’a pas eu lieu (tirage au sort)
log-prevented-guard = évité : « { $title } » (sa condition `unless` est remplie)
log-prevented-lapsed = évité : « { $title } » (sa condition n’est plus remplie ; il l’attend de nouveau)
log-cancelled = annulé : « { $title } »
log-decision-opened = décision pour { $team } : { $prompt }
log-timed-out = ⏱ temps écoulé : choix par défaut ({ $option }) · { $title }
log-chose = choix { $option } · { $title }
log-objective-rated = objectif { $n } évalué { $rating }
log-with-note = { $head } : { $note }
log-undone = annulé : { $title } ({ $option })
log-deadline-started = échéance lancée : { $label } (pour { $due })
log-ending-held = dénouement « { $title } » atteint, en attente des décisions ouvertes (répondez-y, ou confirmez le dénouement)
log-ended = dénouement : { $title }
notice-note-added = note ajoutée au journal
notice-no-objectives = le scénario ne définit aucun objectif à évaluer
notice-presenter-follows = cette vue présentateur ne fait que suivre le journal
notice-no-journal-report = cet exercice n’a pas de journal pour un rapport
notice-report-written = rapport écrit : { $path }
notice-no-report = pas de rapport : { $error }
notice-times-offsets = heures affichées en décalage depuis le début (T+hh:mm) ; t pour jour et heure
notice-times-clock = heures affichées en jour et heure ; t pour le décalage depuis le début (T+)
notice-nothing-to-undo = il n’y a rien à annuler
notice-nothing-to-rewind = rien à reprendre : aucune commande depuis le début
notice-pinned = au vidéoprojecteur jusqu’à libération (s) : { $label }
notice-unpinned = le vidéoprojecteur montre de nouveau le dernier message
notice-nothing-to-show = rien à montrer encore : aucun message n’est arrivé
notice-pacing-on = rythme en temps réel activé : 1 minute réelle = { $speed } minutes de scénario
notice-pacing-off = rythme en temps réel désactivé : l’horloge avance avec Espace et n
notice-pacing-speed = vitesse : 1 minute réelle = { $speed ->
    [one] { $speed } minute de scénario
   *[other] { $speed } minutes de scénario
}
notice-pin-holds = le vidéoprojecteur montre l’élément épinglé : s le libère
notice-all-fired = tous les injects ont déjà été joués
notice-no-cast = ce scénario n’a pas de distribution
notice-no-metrics = ce scénario n’a pas d’indicateurs
notice-rate-when = les objectifs s’évaluent à une pause de phase ou à la fin
notice-export-when = le rapport s’écrit depuis l’écran de fin
notice-large-presenter = l’affichage en grands caractères apparaît sur la vue présentateur (v)
notice-decision-elsewhere = ce message n’a pas de décision ouverte : Tab montre celle qui l’est (« { $title } »)
notice-no-decision-open = aucune décision n’est ouverte
notice-option-count = cette décision a { $n } options
notice-option-unavailable = l’option { $n } n’est pas disponible : { $why }
notice-no-decision-here = aucune décision n’est ouverte sur ce message
notice-single-option = cette décision prend une seule option : choisissez-la par son numéro
notice-ticked = { $n } cochée(s) : cette décision demande d’{ $takes }
notice-not-together = ces options ne peuvent pas être prises ensemble : { $why }
notice-over-plan = { $line } : au-delà du plan (t : le plan de séance)
notice-following = un nouvel exercice a commencé ; journal suivi : { $name }
notice-resumed-after = repris après une interruption de { $gap }

## The board (b)
board-metrics = Indicateurs · { $n }
board-systems = Systèmes · { $systems } · services · { $services }
board-deadlines = Échéances · { $n } lancée(s)
board-not-started = { $n } pas encore lancée(s)
board-not-started-why = { $n } pas encore lancée(s) (elles commencent quand le scénario le prévoit)
board-coming-up = À venir · { $n } · animateur seulement
board-nothing-scheduled = rien de programmé (des conditions et des décisions peuvent encore déclencher des injects)
board-title = Tableau · ↑↓ défiler · Échap ou b ferme

## The curveball picker and the cast
curveball-hint = ↑↓ choisir · tapez pour filtrer · Entrée le lance maintenant · Échap annule
curveball-title-pool = Imprévu · la réserve, puis tout inject
curveball-title = Imprévu · lancer un inject maintenant
curveball-type-to-narrow = Tapez pour filtrer la liste
curveball-filter = Filtre :{ " " }
curveball-no-match = Aucun inject ne correspond.
curveball-pool = Réserve d’imprévus
curveball-others = Autres injects
curveball-scrolled = { $n } correspondant(s) · { $above } au-dessus · { $below } en dessous
curveball-repeats = ↻ se répète
curveball-hidden = masqué : animateur seulement
curveball-from = expéditeur : { $sender }
curveball-no-team = aucune équipe
curveball-to = à { $to }
trigger-manual = seulement par effets
trigger-at = à { $at }
trigger-after-inject = après « { $title } »
trigger-after-option = après l’option « { $label } »
trigger-when = sur condition
cast-secret = secret : { $secret }
cast-sends = envoie : { $titles }
cast-hint = ↑↓ défiler · animateur seulement · toute autre touche ferme
cast-title = Distribution · animateur seulement

## The seats overlay (facilitator)
seats-no-tls = ⚠ Pas de TLS : le trafic des postes n’est pas chiffré ; n’importe qui sur le réseau peut le lire (utilisez un réseau fermé, ou --tls-cert et --tls-key).
seats-code = code
seats-qr-enter = (Entrée : son QR code, en grand)
seats-qr-ascii = (les QR codes demandent un terminal Unicode : lancez sans --ascii)
seats-qr-widen = (élargissez la fenêtre pour voir le QR code)
seats-lead-suffix = , responsable
seats-nobody = personne n’a encore rejoint
seats-joined = { $n } ont rejoint, { $online } connecté(s) : { $names }
seats-no-votes = pas encore de vote
seats-majority = majorité
seats-no-decision = Aucune décision n’est ouverte.
majority-no-decision = aucune décision n’est ouverte sur ce message : Tab montre celle qui l’est
majority-no-votes = personne n’a encore voté sur cette décision
majority-tied = les votes sont à égalité : choisissez avec 1-9 (on vous demandera pourquoi)
majority-unavailable = le choix de la majorité n’est pas disponible : { $why }
room-majority-voted = la majorité a voté { $options }
room-tied = les votes sont à égalité
overrule-say-why = dites pourquoi, pour le rapport (Échap : ne pas décider)
seats-none = pas de postes : lancez `downtime play SCENARIO --seats ADDR` pour les servir
seats-rotated = { $seat } : nouveau lien et code { $code } ; ceux qui avaient rejoint sont déconnectés
seats-presenter-no-lead = l’écran présentateur n’a pas de responsable
seats-team-empty = personne n’a encore rejoint cette équipe
seats-new-lead = { $who } est désormais responsable du poste { $seat } : seul le responsable soumet le choix de l’équipe
seat-log-lead-took = le responsable { $who } a pris { $action }
seat-log-submitted = le responsable { $who } a soumis { $options }
seat-log-votes = { $who } vote { $options }
log-with-team = { $team } : { $text }

## The scenario picker
keys-picker-language = changer de langue
picker-one-language = ce scénario n’a pas de traduction
picker-tagline = Exercices de gestion de crise sur table pour les cellules de crise hospitalières. Choisissez un scénario.
picker-scenarios = Scénarios
picker-none = Aucun scénario trouvé.
picker-bundled = intégré
picker-about-title = À propos
picker-languages = Langues : { $names } (l pour changer)
picker-broken = Ce fichier contient des erreurs et ne peut pas être joué. Appuyez sur Entrée pour les lire, ou lancez `downtime check` dessus.
picker-about = environ { $duration }
picker-teams = { $n ->
    [one] { $n } équipe
   *[other] { $n } équipes
}
picker-injects = { $n ->
    [one] { $n } inject
   *[other] { $n } injects
}
picker-errors = { $n ->
    [one] { $n } erreur : ne peut pas être joué
   *[other] { $n } erreurs : ne peut pas être joué
}
outcome-text = { $label } : { $text }
end-decision-label = { $title } : { $n }. { $option }

## The presenter's large type, the waiting screen, the actions window
large-times-up = TEMPS ÉCOULÉ
large-default-taken = ⏱ Temps écoulé : choix par défaut ({ $option })
waiting-objectives = Objectifs
waiting-for-start = En attente du lancement de l’exercice par l’animateur…
actions-any-team = toute équipe
actions-taken = prise { $n }×
actions-max = max { $n }
actions-every = toutes les { $every }
actions-scrolled = { $shown } sur { $n } affichées · { $above } au-dessus · { $below } en dessous
actions-can-take = peut être prise maintenant
actions-not-now = pas maintenant : { $why }
actions-hint = ↑↓ choisir · Entrée la prend maintenant · Échap ferme

## What an option does (the facilitator's previews)
preview-changes = change
preview-then = puis « { $title } »
preview-then-in = puis « { $title } » dans { $after }
preview-cancels = annule « { $title } »
preview-starts = lance « { $label } »
preview-meets = tient « { $label } »
preview-ends = termine : { $title }
preview-if = si { $cond } : { $then }
preview-if-else = si { $cond } : { $then } ; sinon : { $otherwise }
preview-chance = hasard : { $labels }

# host and start-up (issue 17)
seats-device-web = web
seats-device-ssh = ssh
seats-member-gone = { $device }, hors ligne
seats-member = { $voter } ({ $about })
seats-member-named = { $name } ({ $voter }, { $about })
console-following = suit { $path }
