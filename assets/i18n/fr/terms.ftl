# L'interface de Downtime en français. Mêmes clés que en.ftl, dans le même ordre.

## The catalogue's own test
test-plural = { $n ->
    [one] { $n } décision
   *[other] { $n } décisions
}

## Fixed words of the format and the engine (src/i18n/terms.rs)
severity-info = info
severity-low = faible
severity-medium = moyenne
severity-high = haute
severity-critical = critique
channel-phone = Appel téléphonique
channel-email = Courriel
channel-in-person = En personne
channel-radio = Radio / bip
channel-press = Presse
channel-social = Réseaux sociaux
channel-ransom-note = Demande de rançon
channel-official = Officiel
channel-alert = Alerte
channel-report = Rapport
channel-other = Message
system-up = en service
system-degraded = dégradé
system-down = à l’arrêt
system-isolated = isolé
system-restoring = en restauration
system-restored = restauré
rating-p = Réalisé sans difficulté
rating-s = Réalisé avec quelques difficultés
rating-m = Réalisé avec des difficultés majeures
rating-u = Non réalisable
rating-none = Non évalué (aucune vérification applicable)
yes = oui
no = non
pick-exactly = en choisir { $n }
pick-range = en choisir de { $min } à { $max }
objective-summary = { $rated } ; { $suggested }
objective-pending = en attente de l’évaluateur
objective-no-suggestion = aucune suggestion (aucune vérification applicable)
objective-suggested = suggéré { $rating } ({ $met } vérification(s) remplie(s) sur { $applicable })

## The engine's refusals and unavailable options (src/i18n/refusal.rs)
stage-not-started = l’exercice n’a pas commencé
stage-paused = l’exercice est en pause
stage-running = l’exercice est en cours
stage-phase-break = l’exercice est entre deux phases
stage-ended = l’exercice est terminé
unavailable-requirement = sa condition n’est pas remplie
unavailable-within = ensemble, elles ne respectent pas la contrainte `within` de la décision
unavailable-option = `{ $option }` : { $why }
unavailable-option-after = `{ $option }` après `{ $after }` : { $why }
unavailable-not-open-to = réservée à d’autres équipes que { $team }
unavailable-used-up = { $max ->
    [one] déjà effectuée
   *[other] déjà effectuée { $max } fois
}
unavailable-again-in = de nouveau possible dans { $duration }
refusal-stage = commande `{ $command }` impossible : { $why }
refusal-no-ending-held = aucune fin n’attend de confirmation
refusal-ending-held = { $n ->
    [one] l’exercice a atteint sa fin `{ $ending }`, mais la décision { $open } est encore ouverte : prenez-la, ou confirmez la fin
   *[other] l’exercice a atteint sa fin `{ $ending }`, mais les décisions { $open } sont encore ouvertes : prenez-les, ou confirmez la fin
}
refusal-at-phase-break = l’exercice est entre deux phases : commencez d’abord la phase suivante
refusal-paused = l’exercice est en pause : reprenez-le pour faire avancer l’horloge
refusal-last-phase = c’est la dernière phase
refusal-already-paused = déjà en pause
refusal-not-paused = l’exercice n’est pas en pause
refusal-decision-not-open = la décision `{ $decision }` n’est pas encore ouverte
refusal-decision-taken = la décision `{ $decision }` a déjà été prise
refusal-nothing-to-undo = il n’y a rien à annuler
refusal-host-stopped = l’hôte s’est arrêté
refusal-no-ending = l’exercice ne s’est pas terminé en { $limit } commandes
refusal-wrong-team = la décision `{ $decision }` appartient à l’équipe `{ $owner }`, pas à `{ $team }`
refusal-no-reason = dites pourquoi la salle est désavouée : la raison figure dans le rapport
refusal-no-time-limit = la décision `{ $decision }` n’a pas de délai
refusal-already-fired = l’inject `{ $inject }` a déjà été envoyé
refusal-not-finite = la valeur doit être un nombre fini
refusal-no-rating = une évaluation vaut P, S, M ou U
refusal-not-one-of = `{ $parameter }` doit valoir l’une de ces valeurs : { $choices }
refusal-wrong-kind = `{ $parameter }` ne peut pas prendre la valeur { $value }
refusal-named-twice = l’option `{ $option }` est citée deux fois
refusal-count-exactly = { $n ->
    [one] la décision `{ $decision }` prend une option, pas { $given }
   *[other] la décision `{ $decision }` prend { $n } options, pas { $given }
}
refusal-count-range = la décision `{ $decision }` prend de { $min } à { $max } options, pas { $given }
refusal-unavailable = l’option `{ $option }` n’est pas disponible : { $why }
refusal-unavailable-together = les options `{ $options }` ne peuvent pas être prises ensemble : { $why }
refusal-not-in-force = l’entrée { $entry } n’est pas une commande en vigueur (elle a été annulée, ou c’est une annulation, un retour en arrière, ou elle n’est pas encore écrite)
refusal-before-start = impossible de revenir avant le début : choisissez une entrée plus tardive
refusal-which-team = l’action `{ $action }` est ouverte à plusieurs équipes : précisez laquelle ({ $teams })
refusal-action-unavailable = l’action `{ $action }` est impossible pour l’instant : { $why }
refusal-unknown = { $kind ->
    [decision] décision `{ $id }` inconnue
    [action] action `{ $id }` inconnue
    [inject] inject `{ $id }` inconnu
    [metric] indicateur `{ $id }` inconnu
    [objective] objectif `{ $id }` inconnu
    [option] option `{ $id }` inconnue
    [parameter] paramètre `{ $id }` inconnu
    [team] équipe `{ $id }` inconnue
   *[other] identifiant `{ $id }` inconnu ({ $kind })
}
refusal-follow = cette vue suit un journal et ne peut pas le modifier
refusal-not-saved = non enregistré : impossible d’écrire le journal { $path } : { $error } ; rien n’a changé, réessayez une fois le problème réglé
refusal-too-long = non enregistré : { $why }

# Tableurs : les colonnes de `export msel` et `export timeline`, le nom de la première feuille, tout le monde.
sheet-seq = N°
sheet-time = Heure
sheet-day-time = Jour et heure
sheet-phase = Phase
sheet-id = Identifiant
sheet-title = Titre
sheet-channel = Canal
sheet-from = Émetteur
sheet-to = Destinataire(s)
sheet-description = Description
sheet-expected = Action attendue
sheet-objective = Objectif
sheet-capability = Capacité
sheet-notes = Notes animateur
sheet-trigger = Déclencheur
sheet-all-events = Tous les événements
sheet-all-teams = Toutes les équipes
sheet-real-time = Temps réel
sheet-scenario-time = Heure du scénario
sheet-planned = Prévu
sheet-kind = Type
sheet-what = Quoi
sheet-team = Équipe
sheet-detail = Détail
sheet-decision-time = Temps de décision
sheet-timeline = Déroulé
