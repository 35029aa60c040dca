<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>ActionsMixin</name>
    <message>
        <location filename="../../ui/window/actions.py" line="27"/>
        <source>click to select (Ctrl+click adds), drag to move, drag a selected shape&apos;s vertices, drag the map to pan; right-click an element to edit, delete or route from it</source>
        <extracomment>What each tool does (its tooltip, after its name and shortcut).</extracomment>
        <translation>щёлкните, чтобы выбрать (Ctrl+щелчок добавляет), перетащите, чтобы переместить, перетаскивайте вершины выбранной фигуры, тяните карту, чтобы сдвинуть её; щёлкните элемент правой кнопкой, чтобы изменить, удалить его или проложить от него маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="32"/>
        <source>click where people gather; the thin line shows the road node it snaps to</source>
        <translation>щёлкните там, где собираются люди; тонкая линия показывает узел дороги, к которому привязывается точка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="36"/>
        <source>click the reception point; the thin line shows the road node it snaps to</source>
        <translation>щёлкните пункт приёма; тонкая линия показывает узел дороги, к которому привязывается точка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="40"/>
        <source>click where the vehicles wait</source>
        <translation>щёлкните там, где ждёт транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="44"/>
        <source>click on the corridor: it goes onto the corridor&apos;s road</source>
        <translation>щёлкните на коридоре: блокпост встанет на дорогу коридора</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="48"/>
        <source>click a start, waypoints and an end: the corridor follows the roads (Shift+click: a straight leg); double-click or Enter ends, Backspace removes a point, Esc cancels</source>
        <translation>щёлкните начало, промежуточные точки и конец: коридор идёт по дорогам (Shift+щелчок — прямой отрезок); двойной щелчок или Enter завершает, Backspace удаляет точку, Esc отменяет</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="53"/>
        <source>click the corners of the zone; double-click or Enter ends, Esc cancels</source>
        <translation>щёлкните углы зоны; двойной щелчок или Enter завершает, Esc отменяет</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="57"/>
        <source>click a road to close it</source>
        <translation>щёлкните дорогу, чтобы перекрыть её</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="96"/>
        <source>&amp;New plan…</source>
        <translation>&amp;Новый план…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="97"/>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="98"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="99"/>
        <source>Save &amp;as…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="100"/>
        <source>Start page</source>
        <translation>Стартовая страница</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="101"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="103"/>
        <source>&amp;Compute</source>
        <translation>&amp;Рассчитать</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="103"/>
        <source>Route and schedule the plan (F5)</source>
        <translation>Проложить маршруты и составить расписание для плана (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="106"/>
        <source>Tighten the &amp;bound</source>
        <translation>Уточнить &amp;границу</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="111"/>
        <source>Compute again with more solver time for the upper bound: a closer bound tells how good the schedule is (minutes of work; Esc cancels)</source>
        <translation>Рассчитать ещё раз, дав решателю больше времени на верхнюю границу: более точная граница показывает, насколько хорошо расписание (минуты работы; Esc отменяет)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="116"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="116"/>
        <source>Cancel the running work (Esc)</source>
        <translation>Отменить текущую работу (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="124"/>
        <source>Duplicate plan as &amp;variant</source>
        <translation>Копия плана как &amp;вариант</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="128"/>
        <source>A what-if variant of this plan: record map edits into it, run, compare</source>
        <translation>Вариант «что, если» этого плана: запишите в него изменения на карте, запустите, сравните</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="130"/>
        <source>Open variants file…</source>
        <translation>Открыть файл вариантов…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="132"/>
        <source>&amp;Run variants</source>
        <translation>&amp;Запустить варианты</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="136"/>
        <source>Compute the base and every variant and sweep, and compare them</source>
        <translation>Рассчитать базовый план, каждый вариант и серию и сравнить их</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="138"/>
        <source>Hide variant routes</source>
        <translation>Скрыть маршруты варианта</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="139"/>
        <source>Fit to plan</source>
        <translation>Весь план</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="140"/>
        <source>Fit to network</source>
        <translation>Вся сеть</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="141"/>
        <source>Use network from the store…</source>
        <translation>Выбрать сеть из хранилища…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="142"/>
        <source>Import OSM file…</source>
        <translation>Импортировать файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="143"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="145"/>
        <source>About evacplan</source>
        <translation>О программе evacplan</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="147"/>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="151"/>
        <source>The offline user guide: a first plan in ten steps, every tool and result</source>
        <translation>Офлайн-руководство: первый план за десять шагов, все инструменты и результаты</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="154"/>
        <source>Reset layout</source>
        <translation>Сбросить расположение панелей</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="158"/>
        <source>Put every panel back in its default place and size</source>
        <translation>Вернуть каждую панель на её место и размер по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="161"/>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="161"/>
        <source>Show or hide the map&apos;s legend</source>
        <translation>Показать или скрыть легенду карты</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="187"/>
        <location filename="../../ui/window/actions.py" line="296"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="189"/>
        <location filename="../../ui/window/actions.py" line="301"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="198"/>
        <location filename="../../ui/window/actions.py" line="297"/>
        <location filename="../../ui/window/actions.py" line="298"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="199"/>
        <location filename="../../ui/window/actions.py" line="302"/>
        <location filename="../../ui/window/actions.py" line="303"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="205"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="207"/>
        <source>Open &amp;recent</source>
        <translation>Недавние &amp;планы</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="211"/>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="217"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="222"/>
        <source>Preferences…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="225"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="229"/>
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="231"/>
        <source>&amp;Plan</source>
        <translation>П&amp;лан</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="235"/>
        <source>&amp;Networks</source>
        <translation>&amp;Сети</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="238"/>
        <source>Fetch from OpenStreetMap</source>
        <translation>Загрузить из OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="242"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="281"/>
        <source>Tool: select</source>
        <translation>Инструмент: выбор</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="296"/>
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Отменить: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="298"/>
        <source>Undo {edit}</source>
        <translation>Отменить: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="301"/>
        <source>&amp;Redo {edit}</source>
        <translation>&amp;Повторить: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="303"/>
        <source>Redo {edit}</source>
        <translation>Повторить: {edit}</translation>
    </message>
</context>
<context>
    <name>ConvoyLayer</name>
    <message>
        <location filename="../../ui/convoys/layer.py" line="242"/>
        <source>{convoy} · {n} vehicles · {people} people</source>
        <translation>{convoy} · машин: {n} · человек: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="247"/>
        <source>from {a} to {b}</source>
        <translation>от {a} до {b}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="253"/>
        <source>until {t}</source>
        <translation>до {t}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="262"/>
        <source>{n} on the road</source>
        <translation>в пути: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="263"/>
        <source>{n} boarding</source>
        <translation>посадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="264"/>
        <source>{n} at checkpoints</source>
        <translation>на блокпостах: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="265"/>
        <source>{n} done</source>
        <translation>завершено: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="270"/>
        <source>{n} halted</source>
        <translation>на стоянке: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="272"/>
        <source>{n} unloading</source>
        <translation>высадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="274"/>
        <source>{n} forming up</source>
        <translation>формируются: {n}</translation>
    </message>
</context>
<context>
    <name>ConvoyState</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="72"/>
        <source>forming up, not yet departed</source>
        <translation>формируется, ещё не выехала</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="73"/>
        <source>on the road</source>
        <translation>в пути</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="74"/>
        <source>boarding at an assembly point</source>
        <translation>посадка в пункте сбора</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="75"/>
        <source>queued at a checkpoint</source>
        <translation>в очереди на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="76"/>
        <source>being checked at a checkpoint</source>
        <translation>проверка на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="77"/>
        <source>halted</source>
        <translation>стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="78"/>
        <source>unloading at the reception point</source>
        <translation>высадка в пункте приёма</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="79"/>
        <source>round finished</source>
        <translation>рейс завершён</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../ui/crash.py" line="30"/>
        <source>An internal error occurred: {error}</source>
        <translation>Произошла внутренняя ошибка: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="34"/>
        <source>A recovery copy of your plan was saved to {path}.</source>
        <translation>Резервная копия вашего плана для восстановления сохранена в {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="37"/>
        <source>evacplan error</source>
        <translation>Ошибка evacplan</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="100"/>
        <location filename="../../ui/panels/gantt.py" line="190"/>
        <source>in (empty)</source>
        <translation>туда (пустая)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="101"/>
        <location filename="../../ui/panels/gantt.py" line="192"/>
        <source>out (loaded)</source>
        <translation>обратно (с людьми)</translation>
    </message>
</context>
<context>
    <name>ElementsTree</name>
    <message>
        <location filename="../../ui/panels/elements.py" line="15"/>
        <source>Pickups</source>
        <translation>Пункты сбора</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="16"/>
        <source>Destinations</source>
        <translation>Пункты приёма</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="17"/>
        <source>Depots</source>
        <translation>Базы транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="18"/>
        <source>Corridors</source>
        <translation>Коридоры</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="19"/>
        <source>Checkpoints</source>
        <translation>Блокпосты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="20"/>
        <source>Hazard zones</source>
        <translation>Опасные зоны</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="21"/>
        <source>Road closures</source>
        <translation>Перекрытые дороги</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="25"/>
        <source>Assembly points where people wait for the buses</source>
        <translation>Пункты сбора, где люди ждут автобусы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="26"/>
        <source>Reception points where the convoys unload</source>
        <translation>Пункты приёма, где колонны высаживают людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="27"/>
        <source>Staging areas the vehicles start from</source>
        <translation>Места сосредоточения, откуда выезжает транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="28"/>
        <source>Agreed safe routes the convoys must keep to</source>
        <translation>Согласованные безопасные маршруты, которых должны держаться колонны</translation>
    </message>
    <message>
        <source>Inspection points every vehicle passes, one at a time per lane</source>
        <translation type="vanished">Пункты проверки, через которые проходит каждая машина, по одной на полосу</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="29"/>
        <source>Inspection points every convoy passes, one convoy at a time</source>
        <translation>Пункты проверки, через которые проходит каждая колонна, по одной колонне за раз</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="30"/>
        <source>Areas the routes avoid or cross slowly</source>
        <translation>Районы, которые маршруты обходят или проходят медленно</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="31"/>
        <source>Roads that are closed</source>
        <translation>Дороги, которые перекрыты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="63"/>
        <source>{n} ppl</source>
        <extracomment>The summaries and tooltips above (translated through ``_tr``, context ElementsTree).</extracomment>
        <translation>{n} чел.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="64"/>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="65"/>
        <source>cap {n}</source>
        <translation>вмест. {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="66"/>
        <source>{n} veh.</source>
        <translation>{n} маш.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="67"/>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="68"/>
        <source>{n} m</source>
        <translation>{n} м</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="69"/>
        <source>blocked</source>
        <translation>непроезжая</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="70"/>
        <source>slow ×{factor}</source>
        <translation>медленная ×{factor}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="71"/>
        <source>{n} pt</source>
        <translation>{n} т.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="72"/>
        <source>{total} people ({general} general, {reduced} reduced mobility, {stretcher} stretcher), priority {priority}</source>
        <translation>{total} чел. (обычных {general}, с ограниченной мобильностью {reduced}, на носилках {stretcher}), приоритет {priority}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="76"/>
        <source>hold {n} min</source>
        <translation>задержка {n} мин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="77"/>
        <source>{n} min per vehicle, {lanes} lane(s)</source>
        <translation>{n} мин на машину, полос: {lanes}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="78"/>
        <source>{n} vertices, {width} m wide</source>
        <translation>вершин: {n}, ширина {width} м</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="79"/>
        <source>one-way</source>
        <translation>односторонний</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="80"/>
        <source>{count} × {type} ({seats} seats)</source>
        <translation>{count} × {type} (мест: {seats})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="81"/>
        <source>no vehicles</source>
        <translation>нет транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="125"/>
        <source>Element</source>
        <translation>Элемент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="125"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="141"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="246"/>
        <source>Show on map</source>
        <translation>Показать на карте</translation>
    </message>
</context>
<context>
    <name>FilesMixin</name>
    <message>
        <location filename="../../ui/window/files.py" line="25"/>
        <source>evacplan plans (*.evacplan.json *.json);;All files (*)</source>
        <translation>Планы evacplan (*.evacplan.json *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="86"/>
        <source>“{name}”: the plan and its what-if variants have unsaved changes. Save them first?</source>
        <translation>«{name}»: в плане и его вариантах «что, если» есть несохранённые изменения. Сначала сохранить их?</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="88"/>
        <source>“{name}”: the plan has unsaved changes. Save them first?</source>
        <translation>«{name}»: в плане есть несохранённые изменения. Сначала сохранить их?</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="90"/>
        <source>“{name}”: the what-if variants of the plan have unsaved changes. Save them first?</source>
        <translation>«{name}»: в вариантах «что, если» этого плана есть несохранённые изменения. Сначала сохранить их?</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="94"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Network not loaded: {error}</source>
        <translation type="vanished">Сеть не загружена: {error}</translation>
    </message>
    <message>
        <source>Loading the road network “{name}”…</source>
        <translation type="vanished">Загрузка дорожной сети «{name}»…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="150"/>
        <location filename="../../ui/window/files.py" line="155"/>
        <source>Cannot open plan</source>
        <translation>Не удаётся открыть план</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="149"/>
        <location filename="../../ui/window/files.py" line="156"/>
        <source>Cannot open {file}:</source>
        <translation>Не удаётся открыть {file}:</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="164"/>
        <source>Opened the sample plan {file} as a template: Save asks for a new name.</source>
        <translation>Образец плана {file} открыт как шаблон: «Сохранить» спросит новое имя.</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="172"/>
        <source>Opened {path}</source>
        <translation>Открыто: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="177"/>
        <source>Open plan</source>
        <translation>Открыть план</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="211"/>
        <source>Save plan as</source>
        <translation>Сохранить план как</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="222"/>
        <source>Cannot save plan</source>
        <translation>Не удаётся сохранить план</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="231"/>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="241"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="253"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="253"/>
        <source>Compute the plan first (F5).</source>
        <translation>Сначала рассчитайте план (F5).</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="270"/>
        <source>Exported {paths}</source>
        <translation>Экспортировано: {paths}</translation>
    </message>
</context>
<context>
    <name>Gantt</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="163"/>
        <source>{convoy} · escort {escort}, round {round} · {n} vehicles · {people} people</source>
        <translation>{convoy} · сопровождение {escort}, рейс {round} · машин: {n} · человек: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="185"/>
        <source>{checkpoint}: convoy {convoy}, {direction}, {n} vehicles, {people} people
waited {wait}</source>
        <translation>{checkpoint}: колонна {convoy}, {direction}, машин: {n}, человек: {people}
ожидание {wait}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="245"/>
        <source>{checkpoint} queue</source>
        <translation>очередь {checkpoint}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="113"/>
        <source>max queue {n}</source>
        <translation>макс. очередь {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="114"/>
        <source>no queue</source>
        <translation>без очереди</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="69"/>
        <source>window end</source>
        <translation>конец окна</translation>
    </message>
</context>
<context>
    <name>GanttPanel</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="394"/>
        <source>The schedule has no convoys.</source>
        <translation>В расписании нет колонн.</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../ui/panels/kpis.py" line="32"/>
        <source>People out</source>
        <translation>Вывезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="33"/>
        <source>Demand</source>
        <translation>Потребность</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="34"/>
        <source>Upper bound</source>
        <translation>Верхняя граница</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="35"/>
        <source>Gap to bound</source>
        <translation>Отрыв от границы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="36"/>
        <source>Finish</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="37"/>
        <source>Convoys</source>
        <translation>Колонны</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="38"/>
        <source>Vehicles per convoy</source>
        <translation>Машин на колонну</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="39"/>
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="40"/>
        <source>Seat use</source>
        <translation>Заполнение мест</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="120"/>
        <source>Tighten</source>
        <translation>Уточнить</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="150"/>
        <source>Assembly point</source>
        <translation>Пункт сбора</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="150"/>
        <location filename="../../ui/panels/kpis.py" line="166"/>
        <source>People</source>
        <translation>Человек</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="150"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="206"/>
        <source>Upper bound · {s} s</source>
        <extracomment>px more than its minimum the summary asks for where the window has room (the main window&apos;s default layout): its not-served reasons on one line; a narrow window keeps the minimum and wraps them</extracomment>
        <translation>Верхняя граница · {s} с</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="212"/>
        <source>The quick proof of the upper bound. Tighten (Plan ▸ Tighten the bound) spends minutes of solver time to prove a closer one; the caption then says the solver time a run.</source>
        <translation>Быстрое доказательство верхней границы. «Уточнить» (План ▸ Уточнить границу) тратит минуты работы решателя, чтобы доказать более точную границу; тогда подпись показывает время решателя на запуск.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="216"/>
        <source>The upper bound tightened with {s} s of solver time a run (Plan ▸ Tighten the bound); more time a run (Preferences) may prove a closer one.</source>
        <translation>Верхняя граница уточнена с {s} с работы решателя на запуск (План ▸ Уточнить границу); больше времени на запуск (Настройки) может доказать более точную.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="245"/>
        <source>&lt;b&gt;Not served:&lt;/b&gt; nobody — every person in the plan gets out.</source>
        <translation>&lt;b&gt;Не вывезено:&lt;/b&gt; никого — все люди по плану вывезены.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/kpis.py" line="221"/>
        <source>&lt;b&gt;Not served&lt;/b&gt; ({n} people)</source>
        <translation>&lt;b&gt;Не вывезено&lt;/b&gt; (человек: {n})</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Pickup (assembly point)</source>
        <translation type="vanished">Пункт сбора</translation>
    </message>
    <message>
        <source>Destination (reception)</source>
        <translation type="vanished">Пункт приёма</translation>
    </message>
    <message>
        <source>Depot (vehicles)</source>
        <translation type="vanished">База транспорта</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation type="vanished">Блокпост</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation type="vanished">Коридор</translation>
    </message>
    <message>
        <source>Hazard zone</source>
        <translation type="vanished">Опасная зона</translation>
    </message>
    <message>
        <source>Road closure</source>
        <translation type="vanished">Перекрытие дороги</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="18"/>
        <source>Motorway</source>
        <extracomment>Road classes shown, major first (indices into ROAD_STYLES).</extracomment>
        <translation>Автомагистраль</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="19"/>
        <source>Trunk road</source>
        <translation>Скоростная дорога</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="20"/>
        <source>Primary road</source>
        <translation>Главная дорога</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="21"/>
        <source>Secondary road</source>
        <translation>Второстепенная дорога</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="22"/>
        <source>Tertiary road</source>
        <translation>Местная дорога</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="23"/>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="25"/>
        <source>Point to its road node</source>
        <translation>Точка — узел дороги</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="26"/>
        <source>Beyond the snap limit</source>
        <translation>Дальше предела привязки</translation>
    </message>
    <message>
        <location filename="../../ui/map/legend.py" line="68"/>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window/actions.py" line="15"/>
        <source>Select / move</source>
        <extracomment>Map tools: name, menu text (translated where shown, context MainWindow), shortcut.</extracomment>
        <translation>Выбрать / переместить</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="16"/>
        <source>Place pickup</source>
        <translation>Поставить пункт сбора</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="17"/>
        <source>Place destination</source>
        <translation>Поставить пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="18"/>
        <source>Place depot</source>
        <translation>Поставить базу транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="19"/>
        <source>Place checkpoint</source>
        <translation>Поставить блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="20"/>
        <source>Draw corridor</source>
        <translation>Начертить коридор</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="21"/>
        <source>Draw hazard zone</source>
        <translation>Начертить опасную зону</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="22"/>
        <source>Close road</source>
        <translation>Перекрыть дорогу</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="30"/>
        <source>PDF (convoy sheets and driver cards)…</source>
        <extracomment>Exports: key, menu text, module of planner.export, function, file filter.</extracomment>
        <translation>PDF (листы колонн и карточки водителей)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="35"/>
        <source>CSV (trips and manifests)…</source>
        <translation>CSV (рейсы и списки пассажиров)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="38"/>
        <source>GeoJSON (layers and routes)…</source>
        <translation>GeoJSON (слои и маршруты)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="43"/>
        <source>GPX (one route per convoy)…</source>
        <translation>GPX (один маршрут на колонну)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="192"/>
        <source>What-if: New variant duplicates the plan (Plan ▸ Duplicate plan as variant); Record edits turns map edits into its changes; Open… reads a variants file. Run all compares them with the base.</source>
        <extracomment>Ask whether OpenStreetMap is reachable when the start page shows (tests turn it off).</extracomment>
        <translation>«Что, если»: «Новый вариант» — копия плана (План ▸ Копия плана как вариант); «Записывать изменения» превращает правки на карте в его изменения; «Открыть…» читает файл вариантов. «Запустить все» сравнивает их с базовым планом.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="197"/>
        <source>Plan as opened (your edits follow; click one to go back to it)</source>
        <translation>План в открытом виде (далее ваши изменения; щёлкните изменение, чтобы вернуться к нему)</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="200"/>
        <source>Palette</source>
        <translation>Палитра</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="202"/>
        <source>Elements</source>
        <translation>Элементы</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="210"/>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="203"/>
        <source>Properties</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="212"/>
        <source>Convoys</source>
        <translation>Колонны</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="214"/>
        <source>Gantt</source>
        <translation>Диаграмма Ганта</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="215"/>
        <source>Routes</source>
        <translation>Маршруты</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="216"/>
        <location filename="../../ui/window/main.py" line="357"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="222"/>
        <source>Variants</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="223"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="340"/>
        <source>N</source>
        <comment>latitude</comment>
        <translation>с. ш.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="340"/>
        <source>S</source>
        <comment>latitude</comment>
        <translation>ю. ш.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="341"/>
        <source>E</source>
        <comment>longitude</comment>
        <translation>в. д.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="341"/>
        <source>W</source>
        <comment>longitude</comment>
        <translation>з. д.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="346"/>
        <source>Tool: {name}</source>
        <translation>Инструмент: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="355"/>
        <source>Problems ({e} errors, {w} warnings)</source>
        <translation>Проблемы (ошибок: {e}, предупреждений: {w})</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="398"/>
        <source>Variant “{name}” is a copy of the plan: press Record edits in Variants, edit the map, release it.</source>
        <translation>Вариант «{name}» — копия плана: нажмите «Записывать изменения» в «Вариантах», измените карту, отпустите кнопку.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="422"/>
        <source>What-if: {n} runs compared (Variants panel).</source>
        <translation>«Что, если»: сравнено расчётов: {n} (панель «Варианты»).</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="473"/>
        <source>About evacplan</source>
        <translation>О программе evacplan</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="475"/>
        <source>&lt;b&gt;evacplan&lt;/b&gt; — offline planner for humanitarian evacuations by bus convoy.&lt;br&gt;Road data © OpenStreetMap contributors (ODbL 1.0).</source>
        <translation>&lt;b&gt;evacplan&lt;/b&gt; — офлайн-планировщик гуманитарных эвакуаций автобусными колоннами.&lt;br&gt;Данные дорог © участники OpenStreetMap (ODbL 1.0).</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="484"/>
        <source>unsaved</source>
        <translation>не сохранён</translation>
    </message>
</context>
<context>
    <name>MapElements</name>
    <message>
        <location filename="../../ui/map/points.py" line="77"/>
        <source>{n} veh.</source>
        <translation>{n} маш.</translation>
    </message>
    <message>
        <location filename="../../ui/map/points.py" line="82"/>
        <source>cap {n}</source>
        <translation>вмест. {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/points.py" line="88"/>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <location filename="../../ui/map/points.py" line="164"/>
        <source>Drop to add {kind}</source>
        <translation>Отпустите, чтобы добавить: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/map/shapes.py" line="321"/>
        <source>blocked</source>
        <translation>непроезжая</translation>
    </message>
    <message>
        <location filename="../../ui/map/shapes.py" line="323"/>
        <source>slow ×{factor}</source>
        <translation>медленная ×{factor}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="38"/>
        <source>{total} people: {general} general, {reduced} reduced mobility, {stretcher} stretcher; priority {priority}</source>
        <translation>{total} чел.: обычных {general}, с ограниченной мобильностью {reduced}, на носилках {stretcher}; приоритет {priority}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="52"/>
        <source>ready at {time}</source>
        <translation>готовы в {time}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="56"/>
        <source>capacity unlimited</source>
        <translation>вместимость не ограничена</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="58"/>
        <source>capacity {n} people</source>
        <translation>вместимость {n} чел.</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="63"/>
        <source>+ {n} stretchers</source>
        <translation>+ носилок: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="68"/>
        <source>{count} × {type}, {seats} seats{stretchers}, {speed} km/h</source>
        <translation>{count} × {type}, мест: {seats}{stretchers}, {speed} км/ч</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="73"/>
        <source>no vehicles</source>
        <translation>нет транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="76"/>
        <source>always open</source>
        <translation>работает всегда</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="78"/>
        <source>open {start}–{end}</source>
        <translation>работает {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="83"/>
        <source>hold {n} min</source>
        <translation>задержка {n} мин</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="88"/>
        <source>{n} min per vehicle, {lanes} lane(s), {hours}</source>
        <translation>{n} мин на машину, полос: {lanes}, {hours}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="95"/>
        <source>width {width} m, {direction}, {n} points</source>
        <translation>ширина {width} м, {direction}, точек: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="97"/>
        <source>one-way</source>
        <translation>односторонний</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="99"/>
        <source>both directions</source>
        <translation>в обе стороны</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="105"/>
        <source>blocked: no driving</source>
        <translation>непроезжая: движение запрещено</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="107"/>
        <source>slow: speed × {factor}</source>
        <translation>медленная: скорость × {factor}</translation>
    </message>
    <message>
        <location filename="../../ui/map/elements.py" line="112"/>
        <source>{n} point(s) on the road</source>
        <translation>точек на дороге: {n}</translation>
    </message>
</context>
<context>
    <name>MapResults</name>
    <message>
        <location filename="../../ui/map/results.py" line="194"/>
        <source>passages: {n} · queue {q} · wait {w}</source>
        <translation>прохождений: {n} · очередь {q} · ожидание {w}</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="197"/>
        <source>passages: {n} · no queue</source>
        <translation>прохождений: {n} · без очереди</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="401"/>
        <source>Variant “{name}”: {n} route(s) changed — dashed: the variant&apos;s, solid grey: the base&apos;s</source>
        <translation>Вариант «{name}»: изменено маршрутов: {n} — пунктир: варианта, сплошная серая: базового плана</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="405"/>
        <source>Variant “{name}”: same routes as the base</source>
        <translation>Вариант «{name}»: маршруты те же, что и в базовом плане</translation>
    </message>
</context>
<context>
    <name>MapScale</name>
    <message>
        <location filename="../../ui/map/geometry.py" line="132"/>
        <source>{n} km</source>
        <translation>{n} км</translation>
    </message>
    <message>
        <location filename="../../ui/map/geometry.py" line="133"/>
        <source>{n} m</source>
        <translation>{n} м</translation>
    </message>
</context>
<context>
    <name>MapTools</name>
    <message>
        <location filename="../../ui/map/waypoints.py" line="118"/>
        <source>Move waypoint {n} of {element}</source>
        <translation>{element}: переместить точку {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/waypoints.py" line="132"/>
        <source>Move {element}</source>
        <translation>{element}: переместить</translation>
    </message>
    <message>
        <location filename="../../ui/map/waypoints.py" line="143"/>
        <source>Add waypoint {n} to {element}</source>
        <translation>{element}: добавить точку {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/waypoints.py" line="157"/>
        <source>Remove waypoint {n} of {element}</source>
        <translation>{element}: удалить точку {n}</translation>
    </message>
    <message>
        <location filename="../../ui/map/edits.py" line="204"/>
        <source>Delete {n} elements</source>
        <translation>Удалить элементы ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/map/tools.py" line="415"/>
        <source>Close road: the plan&apos;s road network is not loaded, there is no road to close.</source>
        <translation>Перекрыть дорогу: дорожная сеть плана не загружена, нет дороги, которую можно перекрыть.</translation>
    </message>
    <message>
        <location filename="../../ui/map/tools.py" line="421"/>
        <source>Close road: no road within {n} px of the click — click on a road (zoom in for small streets).</source>
        <translation>Перекрыть дорогу: в пределах {n} пикс. от щелчка нет дороги — щёлкните на дороге (для малых улиц увеличьте масштаб).</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/map/view.py" line="296"/>
        <source>Edit {id}…</source>
        <translation>Изменить {id}…</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="300"/>
        <source>Delete {id}</source>
        <translation>Удалить {id}</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="305"/>
        <source>Route from here (draw a corridor from it)</source>
        <translation>Маршрут отсюда (начертить коридор от этой точки)</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="318"/>
        <source>Corridor from {id}: click waypoints and the end along the roads; double-click or Enter ends, Esc cancels.</source>
        <translation>Коридор от {id}: щёлкайте промежуточные точки и конец вдоль дорог; двойной щелчок или Enter завершает, Esc отменяет.</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="445"/>
        <source>on the corridor, {distance} to the road node</source>
        <translation>на коридоре, {distance} до узла дороги</translation>
    </message>
    <message>
        <location filename="../../ui/map/view.py" line="447"/>
        <source>{distance} to the road node</source>
        <translation>{distance} до узла дороги</translation>
    </message>
</context>
<context>
    <name>NetworksMixin</name>
    <message>
        <location filename="../../ui/window/networks.py" line="32"/>
        <source>OpenStreetMap data (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf *.graphml);;All files (*)</source>
        <translation>Данные OpenStreetMap (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf *.graphml);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="74"/>
        <source>reading “{name}” from the store</source>
        <translation>чтение «{name}» из хранилища</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="76"/>
        <source>preparing the map of “{name}”</source>
        <translation>подготовка карты «{name}»</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="108"/>
        <source>Fetch from OpenStreetMap</source>
        <translation>Загрузить из OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="110"/>
        <source>Import OSM file…</source>
        <translation>Импортировать файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="112"/>
        <source>Use another network…</source>
        <translation>Другая сеть…</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="114"/>
        <source>Build the demo network</source>
        <translation>Построить демо-сеть</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="116"/>
        <source>Load again</source>
        <translation>Загрузить снова</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="141"/>
        <source>&lt;b&gt;Building the offline demo network “{name}”&lt;/b&gt; from the bundled OpenStreetMap extract (once, a few seconds). The roads appear when it is done; Esc cancels.</source>
        <translation>&lt;b&gt;Строится офлайн-демо-сеть «{name}»&lt;/b&gt; из встроенной выгрузки OpenStreetMap (один раз, несколько секунд). Дороги появятся, когда она будет готова; Esc отменяет.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="148"/>
        <source>&lt;b&gt;Loading the road network “{name}”…&lt;/b&gt; The plan is shown already; the roads appear when the network is loaded. Esc cancels.</source>
        <translation>&lt;b&gt;Загрузка дорожной сети «{name}»…&lt;/b&gt; План уже показан; дороги появятся, когда сеть будет загружена. Esc отменяет.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="154"/>
        <source>&lt;b&gt;The road network “{name}” was not loaded&lt;/b&gt; (cancelled). Load it again to compute.</source>
        <translation>&lt;b&gt;Дорожная сеть «{name}» не загружена&lt;/b&gt; (отменено). Загрузите её снова, чтобы рассчитать.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="156"/>
        <source>&lt;b&gt;The road network “{name}” could not be loaded:&lt;/b&gt; {error}</source>
        <translation>&lt;b&gt;Не удалось загрузить дорожную сеть «{name}»:&lt;/b&gt; {error}</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="162"/>
        <source>&lt;b&gt;The offline demo network “{name}” is not built yet.&lt;/b&gt; The plan is shown without roads until it is built from the bundled OpenStreetMap extract.</source>
        <translation>&lt;b&gt;Офлайн-демо-сеть «{name}» ещё не построена.&lt;/b&gt; План показан без дорог, пока она не будет построена из встроенной выгрузки OpenStreetMap.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="169"/>
        <source>&lt;b&gt;Road network “{name}” is not in the store.&lt;/b&gt; The plan is shown without roads and cannot be computed until the network is fetched or imported.</source>
        <translation>&lt;b&gt;Дорожной сети «{name}» нет в хранилище.&lt;/b&gt; План показан без дорог; его нельзя рассчитать, пока сеть не загружена или не импортирована.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="200"/>
        <source>Network not loaded: “{name}” is not in the store.</source>
        <translation>Сеть не загружена: «{name}» нет в хранилище.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="217"/>
        <source>Road network {name}: {nodes} nodes, {edges} edges</source>
        <translation>Дорожная сеть {name}: узлов {nodes}, рёбер {edges}</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="235"/>
        <source>Network not loaded: {error}</source>
        <translation>Сеть не загружена: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="254"/>
        <source>Cannot read the network store: {error}</source>
        <translation>Не удаётся прочитать хранилище сетей: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="277"/>
        <source>No networks</source>
        <translation>Нет сетей</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="277"/>
        <source>The store has no networks: import an OSM file first.</source>
        <translation>В хранилище нет сетей: сначала импортируйте файл OSM.</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="282"/>
        <source>Road network</source>
        <translation>Дорожная сеть</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="282"/>
        <source>Put the plan on the stored network:</source>
        <translation>Перенести план на сеть из хранилища:</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="288"/>
        <source>The demo network “{name}” is still being built: choose it again when it is done.</source>
        <translation>Демо-сеть «{name}» ещё строится: выберите её снова, когда она будет готова.</translation>
    </message>
    <message>
        <source>Cannot load network</source>
        <translation type="vanished">Не удаётся загрузить сеть</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="308"/>
        <source>Import OpenStreetMap file</source>
        <translation>Импорт файла OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="313"/>
        <source>Network name</source>
        <translation>Имя сети</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="313"/>
        <source>Store the network as:</source>
        <translation>Сохранить сеть под именем:</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="326"/>
        <source>Build network: building the offline demo network (once)…</source>
        <translation>Построение сети: строится офлайн-демо-сеть (один раз)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/networks.py" line="352"/>
        <source>Stored network {name}: {nodes} nodes, {edges} edges</source>
        <translation>Сеть {name} сохранена: узлов: {nodes}, рёбер: {edges}</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../ui/window/dialogs.py" line="17"/>
        <location filename="../../ui/window/dialogs.py" line="53"/>
        <source>New plan</source>
        <translation>Новый план</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="19"/>
        <source>New evacuation plan</source>
        <translation>Новый план эвакуации</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="27"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="28"/>
        <source>Road network</source>
        <translation>Дорожная сеть</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="29"/>
        <source>Window start</source>
        <translation>Начало окна</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="30"/>
        <source>Window length (h)</source>
        <translation>Длительность окна (ч)</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="45"/>
        <source>window length must be between 0 and 336 hours</source>
        <translation>длительность окна должна быть от 0 до 336 часов</translation>
    </message>
    <message>
        <location filename="../../ui/window/dialogs.py" line="50"/>
        <source>choose a road network (import one first: Networks → Import OSM file…)</source>
        <translation>выберите дорожную сеть (сначала импортируйте её: Сети → Импортировать файл OSM…)</translation>
    </message>
</context>
<context>
    <name>OptionalField</name>
    <message>
        <location filename="../../ui/panels/editors.py" line="234"/>
        <location filename="../../ui/panels/editors.py" line="238"/>
        <source>at</source>
        <extracomment>Fields whose range is named differently in :data:`planner.limits.RANGES`.</extracomment>
        <translation>в</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../ui/icons.py" line="20"/>
        <source>Pickup (assembly point)</source>
        <extracomment>Element kinds in palette order, with their label (English; shown through ``translate(&quot;Palette&quot;, label)``).</extracomment>
        <translation>Пункт сбора</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="21"/>
        <source>Destination (reception)</source>
        <translation>Пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="22"/>
        <source>Depot (vehicles)</source>
        <translation>База транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="23"/>
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="24"/>
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="25"/>
        <source>Hazard zone</source>
        <translation>Опасная зона</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="26"/>
        <source>Road closure</source>
        <translation>Перекрытие дороги</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="22"/>
        <source>Assembly point with a head-count (tool P). Drag onto the map, or click and then click the map; a thin line shows the road node it snaps to.</source>
        <translation>Пункт сбора с числом людей (инструмент P). Перетащите на карту или щёлкните здесь, а затем на карте; тонкая линия показывает узел дороги, к которому привязывается точка.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="27"/>
        <source>Reception point where people are taken (tool D).</source>
        <translation>Пункт приёма, куда вывозят людей (инструмент D).</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="28"/>
        <source>Where vehicles start (tool B).</source>
        <translation>Откуда выезжает транспорт (инструмент B).</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="29"/>
        <source>Checkpoint on the road (tool K): minutes per vehicle, lanes, opening hours. Dropped near a corridor it goes onto the corridor&apos;s road.</source>
        <translation>Блокпост на дороге (инструмент K): минут на машину, полосы, часы работы. Поставленный у коридора, он встаёт на дорогу коридора.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="34"/>
        <source>The agreed road (tool C): click a start, waypoints and an end and it follows the roads (Shift+click: straight); double-click or Enter to end.</source>
        <translation>Согласованный маршрут (инструмент C): щёлкните начало, промежуточные точки и конец — он пойдёт по дорогам (Shift+щелчок — напрямую); двойной щелчок или Enter завершает.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="39"/>
        <source>Dangerous area, blocked or slow (tool H): click its corners, double-click to end.</source>
        <translation>Опасный район, непроезжий или медленный (инструмент H): щёлкните его углы, двойной щелчок завершает.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="42"/>
        <source>A destroyed bridge or blocked road (tool X): click the road.</source>
        <translation>Разрушенный мост или перекрытая дорога (инструмент X): щёлкните дорогу.</translation>
    </message>
</context>
<context>
    <name>PlanFile</name>
    <message>
        <location filename="../../ui/messages.py" line="356"/>
        <source>not UTF-8 text (byte {byte})</source>
        <extracomment>Why a file is not a plan (``planner.plan.fileformat.FILE_MESSAGES``).</extracomment>
        <translation>не текст UTF-8 (байт {byte})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="357"/>
        <source>not valid JSON (line {line}, column {column}: {error})</source>
        <translation>некорректный JSON (строка {line}, столбец {column}: {error})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="358"/>
        <source>JSON nested too deeply</source>
        <translation>JSON имеет слишком глубокую вложенность</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="359"/>
        <source>not valid JSON ({name} is not a number in a plan)</source>
        <translation>некорректный JSON ({name} в плане не является числом)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="360"/>
        <source>not an evacplan plan (expected a JSON object with &quot;format&quot;: &quot;evacplan&quot;)</source>
        <translation>это не план evacplan (ожидается объект JSON с &quot;format&quot;: &quot;evacplan&quot;)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="363"/>
        <source>&apos;version&apos; must be a whole number, got {value}</source>
        <translation>&apos;version&apos; должно быть целым числом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="364"/>
        <source>made by a newer evacplan (format version {version}; this one reads up to {latest})</source>
        <translation>создан более новой версией evacplan (версия формата {version}; эта программа читает до {latest})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="367"/>
        <source>format version {version} is not supported</source>
        <translation>версия формата {version} не поддерживается</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="368"/>
        <source>window is missing</source>
        <translation>нет window (временного окна)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="369"/>
        <source>(and {n:d} more problems)</source>
        <translation>(и ещё проблем: {n:d})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="370"/>
        <source>cannot save a non-finite number ({value})</source>
        <translation>невозможно сохранить бесконечное или неопределённое число ({value})</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/settings.py" line="130"/>
        <source>Preferences</source>
        <extracomment>Solver time of each run of the tightened bound (Plan -&gt; Tighten the bound), in s: default and range.</extracomment>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="134"/>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="136"/>
        <source>Autosave unsaved changes for recovery every</source>
        <translation>Автосохранение несохранённых изменений для восстановления каждые</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="139"/>
        <source>s</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="143"/>
        <source>Plan ▸ Tighten the bound: solver time of each of its runs. More proves a closer bound on some plans; the whole tightening takes many times this.</source>
        <translation>План ▸ Уточнить границу: время решателя на каждый запуск. Больше времени на некоторых планах доказывает более точную границу; всё уточнение длится во много раз дольше.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="147"/>
        <source>Tighten the bound: solver time a run</source>
        <translation>Уточнение границы: время решателя на запуск</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="149"/>
        <source>System language ({name})</source>
        <translation>Язык системы ({name})</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="153"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="154"/>
        <source>A new language applies when evacplan next starts.</source>
        <translation>Новый язык применяется после перезапуска evacplan.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <location filename="../../ui/messages.py" line="26"/>
        <source>{field} must be a number ≥ {lo:g} and ≤ {hi:g}, got {value}</source>
        <translation>{field} должно быть числом от {lo:g} до {hi:g}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27"/>
        <source>{field} must be a number ≥ {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}</source>
        <translation>{field} должно быть числом от {lo:num} до {hi:num}{unit:unitp}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <source>{field} must be a number &gt; {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}</source>
        <translation>{field} должно быть числом больше {lo:num} и не больше {hi:num}{unit:unitp}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>{field} must be a whole number ≥ {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}</source>
        <translation>{field} должно быть целым числом от {lo:num} до {hi:num}{unit:unitp}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36"/>
        <source>{field} must be a whole number &gt; {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}</source>
        <translation>{field} должно быть целым числом больше {lo:num} и не больше {hi:num}{unit:unitp}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>{field} must be a number ≥ {lo:num}, got {value}</source>
        <translation>{field} должно быть числом не меньше {lo:num}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40"/>
        <source>{field} must be a number &gt; {lo:num}, got {value}</source>
        <translation>{field} должно быть числом больше {lo:num}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41"/>
        <source>{field} must be a whole number ≥ {lo:num}, got {value}</source>
        <translation>{field} должно быть целым числом не меньше {lo:num}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <source>{field} must be a whole number &gt; {lo:num}, got {value}</source>
        <translation>{field} должно быть целым числом больше {lo:num}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>{field} must be at most {hi:num}{unit:unit}, got {value}</source>
        <translation>{field} может быть не больше {hi:num}{unit:unit}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="44"/>
        <source>{field} must be true or false, got {value}</source>
        <translation>{field} должно быть true или false, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45"/>
        <source>{field} must be a date and time with a UTC offset, got {value}</source>
        <translation>{field} должно быть датой и временем со смещением от UTC, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>{field} must lie in the years {lo} to {hi}, got {value}</source>
        <translation>{field} должно приходиться на годы с {lo} по {hi}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>{field} must be a text, got {value}</source>
        <translation>{field} должно быть текстом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>{field} must not be empty</source>
        <translation>{field} не может быть пустым</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <source>{field} is {n:n} characters long, at most {limit:n}: {value}</source>
        <translation>{field} длиной {n:n} символов, а допускается не больше {limit:n}: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>{field} holds a lone surrogate (not a character; no file can store it): {value}</source>
        <translation>{field} содержит одиночный суррогат (это не символ, и ни один файл его не сохранит): {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53"/>
        <source>{field} holds a control character (newline, tab, escape, ...): {value}</source>
        <translation>{field} содержит управляющий символ (перевод строки, табуляцию, escape и т. п.): {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56"/>
        <source>{field} must be a list of (lon, lat) points, got {value}</source>
        <translation>{field} должно быть списком точек (долгота, широта), а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57"/>
        <source>{field} must be a (lon, lat) pair, got {value}</source>
        <translation>{field} должно быть парой (долгота, широта), а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>{field} needs at least {min} distinct points, got {n}</source>
        <translation>{field} требует не меньше {min} разных точек, а их {n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59"/>
        <source>must be an object, got {value}</source>
        <translation>должно быть объектом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>unknown field {name}</source>
        <translation>неизвестное поле {name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>{field} is missing</source>
        <translation>нет поля {field}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>{field} must not be null</source>
        <translation>{field} не может быть null</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>{field} holds a lone surrogate (not a character): {value}</source>
        <translation>{field} содержит одиночный суррогат (это не символ): {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64"/>
        <source>{field} needs a UTC offset (like +02:00), got {value}</source>
        <translation>{field} требует смещения от UTC (например, +02:00), а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>{field} must be a whole number, got {value}</source>
        <translation>{field} должно быть целым числом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>{field} must be a number, got {value}</source>
        <translation>{field} должно быть числом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="67"/>
        <source>{field} must be a date and time like 2022-04-30T08:00+02:00, got {value}</source>
        <translation>{field} должно быть датой и временем, например 2022-04-30T08:00+02:00, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>{field} must be a time like 08:00, got {value}</source>
        <translation>{field} должно быть временем, например 08:00, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>{field} must be a list of [lon, lat] pairs, got {value}</source>
        <translation>{field} должно быть списком пар [lon, lat], а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>{field} must be a [lon, lat] pair, got {value}</source>
        <translation>{field} должно быть парой [lon, lat], а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73"/>
        <source>{field} must be a list, got {value}</source>
        <translation>{field} должно быть списком, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>{n:n} points; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Точек: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77"/>
        <source>{n:n} pickups (assembly points); evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Пунктов сбора: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80"/>
        <source>{n:n} destinations (reception points); evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Пунктов приёма: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="83"/>
        <source>{n:n} depots; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Баз транспорта: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>{n:n} checkpoints; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Блокпостов: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>{n:n} corridors; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Коридоров: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="92"/>
        <source>{n:n} hazard zones; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Опасных зон: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95"/>
        <source>{n:n} road closures; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Перекрытий дорог: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98"/>
        <source>{n:n} vehicles in the fleet; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Транспортных средств в парке: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="101"/>
        <source>{n:n} people waiting in all; evacplan computes at most {limit:n} in a few minutes</source>
        <translation>Всего ожидающих людей: {n:n}; за несколько минут evacplan рассчитывает не больше {limit:n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104"/>
        <source>network.sha256 must be 64 lowercase hex digits or empty, got {value}</source>
        <translation>network.sha256 должен состоять из 64 шестнадцатеричных цифр в нижнем регистре или быть пустым, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>window.end ({end}) must be after window.start ({start})</source>
        <translation>конец окна window.end ({end}) должен быть позже начала window.start ({start})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108"/>
        <source>window is {days:.1f} days long; evacplan schedules windows of at most {limit} days: is window.end right?</source>
        <translation>окно длится {days:.1f} суток, а evacplan планирует окна не больше чем на {limit} суток: верен ли конец окна (window.end)?</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112"/>
        <source>window is {days} days long; is window.end right?</source>
        <translation>окно длится {days} суток: верен ли конец окна (window.end)?</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>network.name: {error}</source>
        <translation>network.name: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114"/>
        <source>network {network}: {error}</source>
        <translation>дорожная сеть {network}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="115"/>
        <source>network.name is {plan_network} but it is checked against {network}</source>
        <translation>в плане дорожная сеть {plan_network}, а проверка идёт по сети {network}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118"/>
        <source>drawn on another extract of network {network} (sha256 {plan_sha}…, the store has {store_sha}…); points are snapped anew</source>
        <translation>план начерчен на другой выгрузке сети {network} (sha256 {plan_sha}…, в хранилище {store_sha}…); точки привязаны заново</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122"/>
        <source>id must be a non-empty text, got {value}</source>
        <translation>идентификатор (id) должен быть непустым текстом, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>id must be printable text of at most {limit} characters, got {value}</source>
        <translation>идентификатор (id) должен быть печатным текстом не длиннее {limit} символов, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126"/>
        <source>id {id} is used by {n} elements; ids must be unique</source>
        <translation>идентификатор {id} есть у нескольких элементов ({n}); идентификаторы должны быть уникальными</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127"/>
        <source>destination {value} is not a destination of this plan</source>
        <translation>пункта приёма {value} в этом плане нет</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="128"/>
        <source>nobody to take out (all people counts are 0)</source>
        <translation>вывозить некого (все количества людей равны 0)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>ready_time {time} is not before the window ends</source>
        <translation>время готовности {time} не раньше конца окна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="130"/>
        <source>vehicles must be a list, got {value}</source>
        <translation>vehicles должно быть списком, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131"/>
        <source>no vehicles at this depot</source>
        <translation>на этой базе нет транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="132"/>
        <source>{field}: a vehicle needs at least one seat or stretcher place</source>
        <translation>{field}: у транспортного средства должно быть хотя бы одно сидячее место или место для носилок</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="133"/>
        <source>{field} must be a list of texts, got {value}</source>
        <translation>{field} должно быть списком текстов, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="134"/>
        <source>{field}: {plates} plates for {count} vehicles</source>
        <translation>{field}: номерных знаков {plates}, а машин только {count}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>{field} is not before the window ends</source>
        <translation>{field} не раньше конца окна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="136"/>
        <source>line crosses itself</source>
        <translation>линия пересекает сама себя</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="137"/>
        <source>{field} must be a local time like 08:00 (or empty for always open), got {value}</source>
        <translation>{field} должно быть местным временем вроде 08:00 (или пустым, если работает круглосуточно), а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140"/>
        <source>open_from equals open_to: read as open round the clock</source>
        <translation>время открытия совпадает со временем закрытия: считаем, что блокпост работает круглосуточно</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="141"/>
        <source>polygon is not a valid ring ({why})</source>
        <translation>контур зоны некорректен ({why})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="142"/>
        <source>polygon has no area</source>
        <translation>у контура зоны нет площади</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>effect must be one of {choices:list}, got {value}</source>
        <translation>effect должен быть одним из значений {choices:list}, а задано {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="144"/>
        <source>lies {distance_m:km1} from every corridor</source>
        <translation>стоит в {distance_m:km1} от ближайшего коридора</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145"/>
        <source>lies {distance_m:km} outside the bounding box of network {network}</source>
        <translation>лежит в {distance_m:km} за границами дорожной сети {network}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="146"/>
        <source>{field} lies {distance_m:km} outside the bounding box of network {network}</source>
        <translation>{field} лежит в {distance_m:km} за границами дорожной сети {network}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="149"/>
        <source>the plan has no pickup (assembly point)</source>
        <translation>в плане нет ни одного пункта сбора</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="150"/>
        <source>the plan has no destination (reception point)</source>
        <translation>в плане нет ни одного пункта приёма</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="151"/>
        <source>the plan has no vehicles (add a depot with vehicles)</source>
        <translation>в плане нет транспорта (добавьте базу транспорта с машинами)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="152"/>
        <source>rules.corridor_only is set but the plan has no corridor</source>
        <translation>включено «Только по коридорам», но в плане нет ни одного коридора</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="153"/>
        <source>{n:d} stretcher cases but no vehicle with stretcher places</source>
        <translation>людей на носилках: {n:d}, но ни у одного транспортного средства нет мест для носилок</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>destinations take {capacity:d} people in all, fewer than the {demand:d} waiting</source>
        <translation>пункты приёма вместе примут {capacity:d} человек — меньше, чем ждёт вывоза ({demand:d})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157"/>
        <source>lies {distance_m:dist} from the nearest road node of network {network} (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; drag it onto a road on the map, or raise the plan&apos;s snap limit (rules.snap_limit_m) if it is right</source>
        <translation>стоит в {distance_m:dist} от ближайшего узла дороги сети {network} (узел OSM {osmid}) — дальше предела привязки {limit_m:g} м; перетащите точку на дорогу на карте или, если место верное, увеличьте предел привязки плана (rules.snap_limit_m)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161"/>
        <source>{field} lies {distance_m:dist} from the nearest road node of network {network} (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; put the closure on the road it closes, or delete it</source>
        <translation>{field} стоит в {distance_m:dist} от ближайшего узла дороги сети {network} (узел OSM {osmid}) — дальше предела привязки {limit_m:g} м; поставьте перекрытие на дорогу, которую оно перекрывает, или удалите его</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165"/>
        <source>would be served from a road node {distance_m:dist} away (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; reopen the closed roads near it, or move it onto an open road</source>
        <translation>ближайший открытый узел дороги — в {distance_m:dist} (узел OSM {osmid}), дальше предела привязки {limit_m:g} м; откройте перекрытые дороги рядом или перенесите точку на открытую дорогу</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="169"/>
        <source>it lies inside blocked {zone} and would be served from a road node {distance_m:dist} away (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; move it out of the zone, or make the zone slow instead of blocked</source>
        <translation>стоит внутри закрытой зоны {zone} и ближайший открытый узел дороги — в {distance_m:dist} (узел OSM {osmid}), дальше предела привязки {limit_m:g} м; вынесите точку из зоны или сделайте зону зоной медленного движения вместо закрытой</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="173"/>
        <source>no open road is left to serve it from; reopen the closed roads near it, or move it onto an open road</source>
        <translation>не осталось ни одной открытой дороги для подъезда; откройте перекрытые дороги рядом или перенесите точку на открытую дорогу</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="177"/>
        <source>it lies inside blocked {zone} and no open road is left to serve it from; move it out of the zone, or make the zone slow instead of blocked</source>
        <translation>стоит внутри закрытой зоны {zone}, и не осталось ни одной открытой дороги для подъезда; вынесите точку из зоны или сделайте зону зоной медленного движения вместо закрытой</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../ui/panels/problems.py" line="33"/>
        <source>Element</source>
        <translation>Элемент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="33"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="101"/>
        <source>Network {name} is not in the store: the plan cannot be computed. Import or fetch it (Networks menu), or choose another network.</source>
        <translation>Дорожной сети {name} нет в хранилище: план нельзя рассчитать. Импортируйте или загрузите её (меню «Сети») либо выберите другую сеть.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="113"/>
        <source>plan</source>
        <translation>план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="123"/>
        <source>No problems found: the plan can be computed.</source>
        <translation>Проблем не найдено: план можно рассчитать.</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <location filename="../../ui/panels/properties.py" line="58"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="62"/>
        <location filename="../../ui/panels/properties.py" line="77"/>
        <location filename="../../ui/panels/properties.py" line="82"/>
        <location filename="../../ui/panels/properties.py" line="93"/>
        <source>Position</source>
        <translation>Расположение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="63"/>
        <source>People: general</source>
        <translation>Люди: обычные</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="66"/>
        <source>People: reduced mobility</source>
        <translation>Люди: с ограниченной мобильностью</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="70"/>
        <source>People: stretcher</source>
        <translation>Люди: на носилках</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="71"/>
        <source>Ready at</source>
        <translation>Готовы в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="72"/>
        <source>Priority (1 = first)</source>
        <translation>Приоритет (1 = первый)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="73"/>
        <source>Only to destination</source>
        <translation>Только в пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="78"/>
        <source>Capacity (people)</source>
        <translation>Вместимость (чел.)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="83"/>
        <source>Vehicles</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="87"/>
        <source>Line</source>
        <translation>Линия</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="88"/>
        <source>Width (m)</source>
        <translation>Ширина (м)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="89"/>
        <source>One-way (drawn direction)</source>
        <translation>Односторонний (в направлении черчения)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="97"/>
        <source>Minutes per convoy</source>
        <translation>Минут на колонну</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="103"/>
        <source>Minutes per vehicle</source>
        <translation>Минут на машину</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="107"/>
        <source>Lanes</source>
        <translation>Полосы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="110"/>
        <source>Document check (s/person)</source>
        <translation>Проверка документов (с/чел.)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="114"/>
        <source>Checks empty vehicles</source>
        <translation>Проверяет пустые машины</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="115"/>
        <source>Opens at (HH:MM)</source>
        <translation>Открывается в (ЧЧ:ММ)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="116"/>
        <source>Closes at (HH:MM)</source>
        <translation>Закрывается в (ЧЧ:ММ)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="117"/>
        <source>Hold per passage (min)</source>
        <translation>Задержка на прохождение (мин)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="118"/>
        <source>Overnight halt allowed</source>
        <translation>Разрешена ночная стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="122"/>
        <source>Polygon</source>
        <translation>Многоугольник</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="123"/>
        <source>Effect</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="124"/>
        <source>Speed factor (slow)</source>
        <translation>Коэффициент скорости (медленно)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="126"/>
        <source>Points</source>
        <translation>Точки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="130"/>
        <source>Plan name</source>
        <translation>Название плана</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="131"/>
        <source>Window start</source>
        <translation>Начало окна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="132"/>
        <source>Window end</source>
        <translation>Конец окна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="133"/>
        <source>No night driving</source>
        <translation>Без движения ночью</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="134"/>
        <source>Corridor only</source>
        <translation>Только по коридорам</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="137"/>
        <source>Approach radius (m)</source>
        <translation>Радиус подъезда (м)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="141"/>
        <source>Max convoy size (vehicles)</source>
        <translation>Макс. размер колонны (машин)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="142"/>
        <source>Escort teams</source>
        <translation>Группы сопровождения</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="145"/>
        <source>Headway between convoys (min)</source>
        <translation>Интервал между колоннами (мин)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="151"/>
        <source>Loading (s/person)</source>
        <translation>Посадка (с/чел.)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="157"/>
        <source>Unloading (s/person)</source>
        <translation>Высадка (с/чел.)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="161"/>
        <source>Mobilisation (min)</source>
        <translation>Мобилизация (мин)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="164"/>
        <source>Bus cap, open road (km/h)</source>
        <translation>Предел автобуса, трасса (км/ч)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="168"/>
        <source>Bus cap, city (km/h)</source>
        <translation>Предел автобуса, город (км/ч)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="169"/>
        <source>Snap limit (m)</source>
        <translation>Предел привязки (м)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="170"/>
        <source>Priority groups first</source>
        <translation>Сначала приоритетные группы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="171"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="175"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="176"/>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="177"/>
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="178"/>
        <source>Stretchers</source>
        <translation>Носилок</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="179"/>
        <source>Max km/h</source>
        <translation>Макс. км/ч</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="180"/>
        <source>Available from</source>
        <translation>Доступны с</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="197"/>
        <source>{text} is not a date and time like 2022-03-06 10:00+02:00</source>
        <translation>{text} — не дата и время вида 2022-03-06 10:00+02:00</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="277"/>
        <source>Select an element on the map or in the tree to edit it.</source>
        <translation>Выберите элемент на карте или в дереве, чтобы изменить его.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="279"/>
        <source>Several elements are selected: select one to edit it.</source>
        <translation>Выбрано несколько элементов: выберите один, чтобы изменить его.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="281"/>
        <source>Plan settings</source>
        <translation>Параметры плана</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="326"/>
        <source>loaded</source>
        <translation>загружена</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="326"/>
        <source>not in the store</source>
        <translation>нет в хранилище</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="327"/>
        <source>Network: &lt;b&gt;{name}&lt;/b&gt; ({state})</source>
        <translation>Сеть: &lt;b&gt;{name}&lt;/b&gt; ({state})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="361"/>
        <source>unlimited</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="367"/>
        <source>not set: from the window start</source>
        <translation>не задано: с начала окна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="372"/>
        <source>not set: always open</source>
        <translation>не задано: работает всегда</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="381"/>
        <source>lon</source>
        <translation>долг.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="381"/>
        <source>lat</source>
        <translation>шир.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="420"/>
        <source>Add vehicle type</source>
        <translation>Добавить тип транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="422"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="468"/>
        <source>any destination</source>
        <translation>любой пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="485"/>
        <source>no vertices yet: draw on the map</source>
        <translation>вершин пока нет: начертите на карте</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="490"/>
        <source>{n} vertices, from {lat0}, {lon0} to {lat1}, {lon1} (edit by dragging on the map)</source>
        <translation>вершин: {n}, от {lat0}, {lon0} до {lat1}, {lon1} (изменяйте перетаскиванием на карте)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="568"/>
        <source>vehicle row {row}, {column}: {text} is not a valid value</source>
        <translation>строка транспорта {row}, {column}: {text} — недопустимое значение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="632"/>
        <source>No problems here.</source>
        <translation>Здесь проблем нет.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="655"/>
        <source>{n} elements selected</source>
        <translation>Выбрано элементов: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="146"/>
        <source>Pickup</source>
        <extracomment>Languages offered, by code, with their names in their own language. Element kinds as shown in titles (translated where shown, context PropertiesPanel).</extracomment>
        <translation>Пункт сбора</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="147"/>
        <source>Destination</source>
        <translation>Пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="148"/>
        <source>Depot</source>
        <translation>База транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="149"/>
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="150"/>
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="151"/>
        <source>Hazard</source>
        <translation>Опасная зона</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="152"/>
        <source>Closure</source>
        <translation>Перекрытие</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="659"/>
        <source>blocked</source>
        <extracomment>The hazard effects as offered in their choice box (``planner.plan.HAZARD_EFFECTS``).</extracomment>
        <translation>непроезжая</translation>
    </message>
    <message>
        <location filename="../../ui/panels/properties.py" line="659"/>
        <source>slow</source>
        <translation>медленная</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="108"/>
        <source>unreachable</source>
        <translation>недостижимо</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="109"/>
        <source>destination capacity</source>
        <translation>вместимость пункта приёма</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="110"/>
        <source>window</source>
        <translation>окно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="111"/>
        <source>checkpoint throughput</source>
        <translation>пропускная способность блокпостов</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="112"/>
        <source>escorts</source>
        <translation>сопровождение</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="113"/>
        <source>fleet</source>
        <translation>транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="114"/>
        <source>priority rule</source>
        <translation>правило приоритета</translation>
    </message>
</context>
<context>
    <name>RecoveryMixin</name>
    <message>
        <location filename="../../ui/window/recovery.py" line="55"/>
        <source>Autosave failed: {error}</source>
        <translation>Автосохранение не удалось: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="92"/>
        <source>an earlier session</source>
        <translation>предыдущий сеанс</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="96"/>
        <source>Recover plan</source>
        <translation>Восстановить план</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="98"/>
        <source>evacplan did not close normally. A recovery copy of “{name}” was saved at {when}.

Recover it? (No deletes the recovery copy.)</source>
        <translation>evacplan завершил работу некорректно. Резервная копия «{name}» сохранена {when}.

Восстановить её? («Нет» удаляет резервную копию.)</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="112"/>
        <source>Cannot recover plan</source>
        <translation>Не удаётся восстановить план</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="120"/>
        <source>Cannot recover the variants</source>
        <translation>Не удаётся восстановить варианты</translation>
    </message>
    <message>
        <location filename="../../ui/window/recovery.py" line="126"/>
        <source>Recovered the plan from the autosave: save it to keep it.</source>
        <translation>План восстановлен из автосохранения: сохраните его, чтобы не потерять.</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../ui/panels/results.py" line="63"/>
        <source>No results yet: press Compute (F5) to route and schedule the plan.</source>
        <translation>Результатов пока нет: нажмите «Рассчитать» (F5), чтобы проложить маршруты и составить расписание.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="67"/>
        <source>The plan was not scheduled: see the Problems list.</source>
        <translation>Расписание для плана не составлено: см. список «Проблемы».</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="56"/>
        <source>fastest</source>
        <translation>самый быстрый</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="58"/>
        <source>via {street}</source>
        <translation>через {street}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="120"/>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="121"/>
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="122"/>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="123"/>
        <source>Length</source>
        <translation>Длина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="124"/>
        <source>Drive time</source>
        <translation>Время в пути</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="125"/>
        <source>Checkpoints</source>
        <translation>Блокпосты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="146"/>
        <source>No pickup can reach a destination: see the Problems list.</source>
        <translation>Ни один пункт сбора не имеет пути до пункта приёма: см. список «Проблемы».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="150"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <location filename="../../ui/messages.py" line="282"/>
        <source>{element:el} has no usable road to snap to</source>
        <translation>{element:el}: нет пригодной дороги, к которой можно привязать точку</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283"/>
        <source>{element:el} lies inside blocked {zone:el}; it is served from the nearest usable road node outside, {distance_m:m} away</source>
        <translation>{element:el} находится внутри закрытой зоны ({zone:el}); обслуживается с ближайшего пригодного узла дороги за её пределами, в {distance_m:m}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="287"/>
        <source>{element:el} is {distance_m:m} from the nearest usable road node (limit {limit_m:m})</source>
        <translation>{element:el} находится в {distance_m:m} от ближайшего пригодного узла дороги (предел {limit_m:m})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="290"/>
        <source>{element:el} touches no road within {limit_m:m}{nearest_m:nearest}; it closes nothing</source>
        <translation>{element:el} не касается ни одной дороги в пределах {limit_m:m}{nearest_m:nearest}; оно ничего не перекрывает</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="293"/>
        <source>{pickup:el} cannot reach any destination: {why:why}</source>
        <translation>{pickup:el}: нет пути ни к одному пункту приёма; {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="294"/>
        <source>{pickup:el} cannot reach {destination:el}: {why:why}</source>
        <translation>Нет пути: {pickup:el} → {destination:el}; {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="295"/>
        <source>{pickup:el} cannot be reached by {vehicles:vehicles}: {why:why}</source>
        <translation>{pickup:el} недоступен для {vehicles:vehicles}: {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="296"/>
        <source>no vehicle can reach {pickup:el} from any depot or destination: {why:why}</source>
        <translation>{pickup:el}: ни одна машина не может доехать сюда ни с одной базы транспорта, ни из одного пункта приёма; {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="299"/>
        <source>{depot:el} cannot reach any pickup: {why:why}</source>
        <translation>{depot:el}: нет пути ни к одному пункту сбора; {why:why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="300"/>
        <source>{checkpoint:el} lies on no pickup -&gt; destination route</source>
        <translation>{checkpoint:el} не лежит ни на одном маршруте от пункта сбора до пункта приёма</translation>
    </message>
</context>
<context>
    <name>RoutingWhy</name>
    <message>
        <location filename="../../ui/messages.py" line="303"/>
        <source>every path {cut:cut}{lifted:lifted}</source>
        <translation>каждый путь {cut:cut}{lifted:lifted}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="304"/>
        <source>every way in {cut:cut}{lifted:lifted}</source>
        <translation>каждый въезд {cut:cut}{lifted:lifted}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="305"/>
        <source>every way out {cut:cut}{lifted:lifted}</source>
        <translation>каждый выезд {cut:cut}{lifted:lifted}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="306"/>
        <source>no road of network {network} leads there</source>
        <translation>туда не ведёт ни одна дорога сети {network}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="310"/>
        <source>leaves {what}</source>
        <extracomment>The pieces of a reason (spec ``cut``, ``lifted``, ``nearest``) and the vehicles routing names.</extracomment>
        <translation>выходит за пределы: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="311"/>
        <source>crosses {what}</source>
        <translation>пересекает: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="312"/>
        <source> or </source>
        <translation> или </translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="313"/>
        <source> (both would have to be lifted)</source>
        <translation> (снять пришлось бы оба)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="314"/>
        <source> (all of them would have to be lifted)</source>
        <translation> (снять пришлось бы все)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="315"/>
        <source> (nearest road {m} away)</source>
        <translation> (ближайшая дорога в {m})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="316"/>
        <source>coaches</source>
        <translation>автобусов</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="317"/>
        <source>ambulances</source>
        <translation>машин скорой помощи</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="318"/>
        <source>minibuses</source>
        <translation>микроавтобусов</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="40"/>
        <source>bus</source>
        <translation>автобус</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="41"/>
        <source>ambulance</source>
        <translation>скорая</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="50"/>
        <source>Convoy</source>
        <extracomment>The convoy table&apos;s columns by key, in order: what a planner reads first (size, people, the times) comes before the place names, so the short result row under the map shows it without scrolling (it showed convoy, escort, round and half of &quot;Forms at&quot;).</extracomment>
        <translation>Колонна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="51"/>
        <source>Escort</source>
        <translation>Сопровождение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="52"/>
        <source>Round</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="53"/>
        <location filename="../../ui/panels/convoys.py" line="71"/>
        <source>Vehicles</source>
        <translation>Машин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="54"/>
        <source>Forms at</source>
        <translation>Формируется в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="55"/>
        <source>Departs</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="56"/>
        <source>Latest safe departure</source>
        <translation>Последний безопасный выезд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="57"/>
        <source>Stops (boarded)</source>
        <translation>Остановки (посажено)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="58"/>
        <source>Reception point</source>
        <translation>Пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="59"/>
        <location filename="../../ui/panels/convoys.py" line="67"/>
        <source>Arrives</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="60"/>
        <location filename="../../ui/panels/convoys.py" line="72"/>
        <source>People</source>
        <translation>Человек</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="65"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="66"/>
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="68"/>
        <source>Check starts</source>
        <translation>Начало проверки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="69"/>
        <source>Wait</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="70"/>
        <source>Clear</source>
        <translation>Пропущена</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Vehicle</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Passengers</source>
        <translation>Пассажиров</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="76"/>
        <source>Boarded at</source>
        <translation>Посадка в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="123"/>
        <source>The schedule has no convoys: nobody can leave in this window (see the Summary).</source>
        <translation>В расписании нет колонн: в этом окне никто не может выехать (см. «Сводка»).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="184"/>
        <source>Select a convoy: its passages and vehicles.</source>
        <translation>Выберите колонну: её блокпосты и машины.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/convoys.py" line="189"/>
        <source>&lt;b&gt;{convoy}&lt;/b&gt;: {n} checkpoint passages in, {m} out; {people} people on {vehicles} vehicles</source>
        <translation>&lt;b&gt;{convoy}&lt;/b&gt;: прохождений блокпостов туда: {n}, обратно: {m}; человек: {people}, машин: {vehicles}</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="87"/>
        <source>driving in (empty)</source>
        <translation>движение туда (пустая)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="88"/>
        <source>boarding</source>
        <translation>посадка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="89"/>
        <source>queued at a checkpoint</source>
        <translation>в очереди на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="90"/>
        <source>checkpoint passage</source>
        <translation>прохождение блокпоста</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="91"/>
        <source>halt</source>
        <translation>стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="92"/>
        <source>driving out (loaded)</source>
        <translation>движение обратно (с людьми)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="93"/>
        <source>unloading</source>
        <translation>высадка</translation>
    </message>
</context>
<context>
    <name>SnapLayer</name>
    <message>
        <location filename="../../ui/map/snaps.py" line="114"/>
        <source>{distance} to the road</source>
        <translation>{distance} до дороги</translation>
    </message>
    <message>
        <location filename="../../ui/map/snaps.py" line="116"/>
        <location filename="../../ui/map/view.py" line="441"/>
        <source>{distance} to the road — too far</source>
        <translation>{distance} до дороги — слишком далеко</translation>
    </message>
    <message>
        <location filename="../../ui/map/snaps.py" line="127"/>
        <location filename="../../ui/messages.py" line="348"/>
        <source>{n} m</source>
        <translation>{n} м</translation>
    </message>
    <message>
        <location filename="../../ui/map/snaps.py" line="128"/>
        <location filename="../../ui/messages.py" line="349"/>
        <location filename="../../ui/panels/results.py" line="155"/>
        <source>{n} km</source>
        <translation>{n} км</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/panels/start.py" line="37"/>
        <source>No connection to OpenStreetMap from this machine. Import an OpenStreetMap extract of Ukraine (for example &lt;b&gt;ukraine-latest.osm.pbf&lt;/b&gt; from download.geofabrik.de) as network &lt;b&gt;{network}&lt;/b&gt; clipped to {bbox}: &lt;i&gt;Networks → Import OSM file…&lt;/i&gt;, or&lt;br&gt;&lt;code&gt;evacplan data import ukraine-latest.osm.pbf --name {network} --bbox {bbox}&lt;/code&gt;</source>
        <translation>С этого компьютера нет соединения с OpenStreetMap. Импортируйте выгрузку OpenStreetMap для Украины (например, &lt;b&gt;ukraine-latest.osm.pbf&lt;/b&gt; с download.geofabrik.de) как сеть &lt;b&gt;{network}&lt;/b&gt;, обрезанную до {bbox}: &lt;i&gt;Сети → Импортировать файл OSM…&lt;/i&gt;, или&lt;br&gt;&lt;code&gt;evacplan data import ukraine-latest.osm.pbf --name {network} --bbox {bbox}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="96"/>
        <source>Evacuation convoys through negotiated corridors: routes, convoy schedules and how many people can leave in a window.</source>
        <translation>Эвакуационные колонны через согласованные коридоры: маршруты, расписания колонн и сколько людей может выехать за окно.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="112"/>
        <source>Mariupol 2022: Azovstal to Zaporizhzhia</source>
        <translation>Мариуполь 2022: с «Азовстали» в Запорожье</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="114"/>
        <source>The UN/ICRC operation of 30 April 2022: Azovstal bunkers and city assembly points, the corridor west through Manhush, Berdiansk, Tokmak and Vasylivka, about 20 checkpoints.</source>
        <translation>Операция ООН/МККК 30 апреля 2022 года: убежища «Азовстали» и городские пункты сбора, коридор на запад через Мангуш, Бердянск, Токмак и Васильевку, около 20 блокпостов.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="123"/>
        <source>Open plan</source>
        <translation>Открыть план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="125"/>
        <source>Fetch network from OpenStreetMap</source>
        <translation>Загрузить сеть из OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="127"/>
        <source>Import OSM file…</source>
        <translation>Импортировать файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="135"/>
        <source>Offline demo: Neubrandenburg drill</source>
        <translation>Офлайн-демо: учения в Нойбранденбурге</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="137"/>
        <source>A drill on the bundled Neubrandenburg road network (OpenStreetMap, ships with evacplan): assembly points, the B 96 south corridor, checkpoints and a bus depot. Works without internet.</source>
        <translation>Учения на встроенной дорожной сети Нойбранденбурга (OpenStreetMap, поставляется с evacplan): пункты сбора, южный коридор B 96, блокпосты и автобусная база. Работает без интернета.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="141"/>
        <source>Open demo plan</source>
        <translation>Открыть демо-план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="150"/>
        <source>Recent plans</source>
        <translation>Недавние планы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="150"/>
        <location filename="../../ui/panels/start.py" line="194"/>
        <source>Double-click to open.</source>
        <translation>Дважды щёлкните, чтобы открыть.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="156"/>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="163"/>
        <source>New plan</source>
        <translation>Новый план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="165"/>
        <source>Start an empty plan on a road network from the store (the demo network is always there; import more from OpenStreetMap files with Networks → Import OSM file…).</source>
        <translation>Начните пустой план на дорожной сети из хранилища (демо-сеть есть всегда; другие импортируйте из файлов OpenStreetMap через Сети → Импортировать файл OSM…).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="174"/>
        <source>New plan…</source>
        <translation>Новый план…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="191"/>
        <source>{path} (missing)</source>
        <translation>{path} (отсутствует)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="196"/>
        <source>No recent plans yet: plans you open or save appear here.</source>
        <translation>Недавних планов пока нет: здесь появятся планы, которые вы откроете или сохраните.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="202"/>
        <source>Networks in the store: {names}</source>
        <translation>Сети в хранилище: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="202"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="210"/>
        <source>The plan file {path} is missing from this installation.</source>
        <translation>Файла плана {path} нет в этой установке.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="218"/>
        <source>Network &lt;b&gt;{network}&lt;/b&gt; is in the store.</source>
        <translation>Сеть &lt;b&gt;{network}&lt;/b&gt; есть в хранилище.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="225"/>
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store yet.</source>
        <translation>Его дорожной сети &lt;b&gt;{network}&lt;/b&gt; ещё нет в хранилище.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="227"/>
        <source>Checking for a connection to OpenStreetMap…</source>
        <translation>Проверка соединения с OpenStreetMap…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="240"/>
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store yet: fetch it from OpenStreetMap (a few minutes), or import a file you have.</source>
        <translation>Его дорожной сети &lt;b&gt;{network}&lt;/b&gt; ещё нет в хранилище: загрузите её из OpenStreetMap (несколько минут) или импортируйте имеющийся файл.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="247"/>
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store.</source>
        <translation>Его дорожной сети &lt;b&gt;{network}&lt;/b&gt; нет в хранилище.</translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <location filename="../../ui/messages.py" line="215"/>
        <source>checking the plan</source>
        <translation>проверка плана</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="216"/>
        <source>building the usable road network</source>
        <translation>построение доступной дорожной сети</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="217"/>
        <source>travel-time matrix</source>
        <translation>матрица времени в пути</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="218"/>
        <source>routes {pickup} -&gt; {destination}</source>
        <translation>маршруты {pickup} → {destination}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="219"/>
        <source>explaining unreachable pairs</source>
        <translation>поиск причин недостижимости</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="220"/>
        <source>{n:d} routes</source>
        <translation>маршрутов: {n:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="221"/>
        <source>forming convoys</source>
        <translation>формирование колонн</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="222"/>
        <source>upper bound</source>
        <translation>верхняя граница</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="223"/>
        <source>tightening the upper bound: part {done:d} of {total:d}</source>
        <translation>уточнение верхней границы: часть {done:d} из {total:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224"/>
        <source>buses needed to move everyone</source>
        <translation>сколько автобусов нужно, чтобы вывезти всех</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="225"/>
        <source>packaging the schedule</source>
        <translation>составление графика</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="226"/>
        <source>{out:d} of {demand:d} people out</source>
        <translation>вывезено {out:d} из {demand:d} человек</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="227"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="228"/>
        <source>building the offline demo network from {file} (once)</source>
        <translation>построение офлайн-сети для демонстрации из {file} (только в первый раз)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="229"/>
        <source>reading {file}</source>
        <translation>чтение {file}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="230"/>
        <source>reading {file}: {n:d} roads</source>
        <translation>чтение {file}: дорог {n:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="231"/>
        <source>building the graph from {n:d} roads</source>
        <translation>построение графа дорог (дорог: {n:d})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="232"/>
        <source>keeping the largest strongly connected part</source>
        <translation>отбор наибольшей сильно связной части</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="233"/>
        <source>simplifying {n:d} nodes</source>
        <translation>упрощение сети (узлов: {n:d})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="234"/>
        <source>adding speeds and travel times</source>
        <translation>добавление скоростей и времени в пути</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="235"/>
        <source>projecting to the local UTM zone</source>
        <translation>пересчёт в местную зону UTM</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="236"/>
        <source>imported {name}: {nodes:d} nodes, {edges:d} edges</source>
        <translation>импортировано {name}: узлов {nodes:d}, рёбер {edges:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="237"/>
        <source>downloading {place} from OpenStreetMap</source>
        <translation>загрузка {place} из OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="238"/>
        <source>variant {name}</source>
        <translation>вариант {name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="239"/>
        <source>{n:d} runs started</source>
        <translation>запущено расчётов: {n:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="240"/>
        <source>{done:d} of {n:d} runs done</source>
        <translation>выполнено {done:d} из {n:d} расчётов</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="241"/>
        <source>{n:d} runs done</source>
        <translation>выполнено расчётов: {n:d}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="242"/>
        <source>writing {path}</source>
        <translation>запись {path}</translation>
    </message>
</context>
<context>
    <name>TasksMixin</name>
    <message>
        <location filename="../../ui/window/tasks.py" line="19"/>
        <source>Compute</source>
        <extracomment>The tasks&apos; names (identifiers in signals; translated where shown, context TasksMixin).</extracomment>
        <translation>Расчёт</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="20"/>
        <source>Tighten the bound</source>
        <translation>Уточнение границы</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="21"/>
        <source>Build network</source>
        <translation>Построение сети</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="22"/>
        <source>Load network</source>
        <translation>Загрузка сети</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="23"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="24"/>
        <source>Fetch</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="25"/>
        <source>Export PDF</source>
        <translation>Экспорт PDF</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="26"/>
        <source>Export CSV</source>
        <translation>Экспорт CSV</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="27"/>
        <source>Export GEOJSON</source>
        <translation>Экспорт GeoJSON</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="28"/>
        <source>Export GPX</source>
        <translation>Экспорт GPX</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="43"/>
        <source>Busy: {task} is running</source>
        <translation>Занято: выполняется «{task}»</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="89"/>
        <location filename="../../ui/window/tasks.py" line="91"/>
        <source>Compute failed: {message}</source>
        <translation>Расчёт не удался: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="95"/>
        <location filename="../../ui/window/tasks.py" line="99"/>
        <source>{task} failed</source>
        <translation>«{task}» не удалось</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="104"/>
        <source>{task} cancelled: nothing changed.</source>
        <translation>«{task}» отменено: ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="120"/>
        <source>Cancelling {task}…</source>
        <translation>Отмена: «{task}»…</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="123"/>
        <source>Cancelling the what-if run…</source>
        <translation>Отмена расчёта «что, если»…</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="172"/>
        <source>The plan is computed as soon as its road network is loaded.</source>
        <translation>План будет рассчитан, как только загрузится его дорожная сеть.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="176"/>
        <source>Network {name} is not in the store: import or fetch it (Networks menu).</source>
        <translation>Сети {name} нет в хранилище: импортируйте или загрузите её (меню «Сети»).</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="181"/>
        <source>Cannot compute: the plan&apos;s road network is not loaded.</source>
        <translation>Расчёт невозможен: дорожная сеть плана не загружена.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="223"/>
        <source>Tightening the upper bound ({s} s a solver run): this takes minutes; Esc cancels.</source>
        <translation>Уточнение верхней границы ({s} с на запуск решателя): это займёт несколько минут; Esc отменяет.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="235"/>
        <source>The plan changed while the bound was tightened: press F5 again.</source>
        <translation>План изменился во время уточнения границы: нажмите F5 ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="243"/>
        <source>Bound tightened: at most {bound} people, gap {gap}.</source>
        <translation>Граница уточнена: не более {bound} человек, отрыв {gap}.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="251"/>
        <source>The plan changed while computing: press F5 again.</source>
        <translation>План изменился во время расчёта: нажмите F5 ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="258"/>
        <source>Computed: {n} convoys, {out} of {demand} people out.</source>
        <translation>Рассчитано: колонн: {n}, вывезено {out} из {demand} чел.</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="267"/>
        <source>(+{n} more in Problems)</source>
        <translation>(ещё {n} в «Проблемах»)</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="269"/>
        <source>see Problems</source>
        <translation>см. «Проблемы»</translation>
    </message>
    <message>
        <location filename="../../ui/window/tasks.py" line="270"/>
        <source>Not computed: {reason}</source>
        <translation>Не рассчитано: {reason}</translation>
    </message>
</context>
<context>
    <name>TimeSlider</name>
    <message>
        <location filename="../../ui/convoys/slider.py" line="45"/>
        <source>Play the schedule</source>
        <translation>Воспроизвести расписание</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="47"/>
        <source>Time:</source>
        <translation>Время:</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="49"/>
        <source>Where every convoy is at this time</source>
        <translation>Где находится каждая колонна в это время</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="79"/>
        <source>no schedule</source>
        <translation>расписания нет</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <location filename="../../ui/messages.py" line="333"/>
        <source>convoys</source>
        <extracomment>How ``describe`` names each kind, and the kind it is (``hazard zone H1`` is a hazard).</extracomment>
        <translation>колонн</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="334"/>
        <source>hours</source>
        <translation>ч</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="335"/>
        <source>km/h</source>
        <translation>км/ч</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="336"/>
        <source>lanes</source>
        <translation>полос</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="337"/>
        <source>metres</source>
        <translation>м</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="338"/>
        <source>minutes</source>
        <translation>мин</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="339"/>
        <source>people</source>
        <translation>чел.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="340"/>
        <source>places</source>
        <translation>мест</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="341"/>
        <source>seats</source>
        <translation>мест</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="342"/>
        <source>seconds per person</source>
        <translation>с на человека</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="343"/>
        <source>tonnes</source>
        <translation>т</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="344"/>
        <source>vehicles</source>
        <translation>машин</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="350"/>
        <source>{id} ({pct} busy)</source>
        <translation>{id} — {pct}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="351"/>
        <source>plan</source>
        <translation>план</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="56"/>
        <source>+{n}d</source>
        <translation>+{n} дн.</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="64"/>
        <source>h</source>
        <translation>ч</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="65"/>
        <source>min</source>
        <translation>мин</translation>
    </message>
</context>
<context>
    <name>Unserved</name>
    <message>
        <location filename="../../ui/messages.py" line="183"/>
        <source>convoys go for the priority classes first; without the rule {free:d} people out</source>
        <translation>колонны сначала вывозят приоритетные группы; без этого правила вывезли бы {free:d} человек</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="186"/>
        <source>no vehicle has stretcher places</source>
        <translation>ни у одного транспортного средства нет мест для носилок</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="187"/>
        <source>no vehicles in the plan</source>
        <translation>в плане нет транспорта</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="188"/>
        <source>pickup {pickup} cannot be reached or cannot reach a destination</source>
        <translation>до пункта сбора {pickup} нельзя доехать или от него нельзя доехать до пункта приёма</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="189"/>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="190"/>
        <source>destination {destinations:list} full</source>
        <translation>пункт приёма {destinations:list} заполнен</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="191"/>
        <source>checkpoint {checkpoints:list} is closed for the whole window</source>
        <translation>блокпост {checkpoints:list} закрыт в течение всего окна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="192"/>
        <source>no passage of checkpoint {checkpoints:list} fits its open hours for a convoy from {pickup}</source>
        <translation>колонна из {pickup} не успевает пройти блокпост {checkpoints:list} в часы его работы</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="195"/>
        <source>no convoy can reach {pickup} and unload at a destination inside the window</source>
        <translation>ни одна колонна не успевает доехать до {pickup} и разгрузиться в пункте приёма в пределах окна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="198"/>
        <source>{teams:d} escort team(s) lead convoys the whole window</source>
        <translation>групп сопровождения: {teams:d}, и они ведут колонны в течение всего окна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="199"/>
        <source>checkpoint {checkpoints:list} serves convoys back to back until the window closes</source>
        <translation>блокпост {checkpoints:list} пропускает колонны одну за другой без перерыва до конца окна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="202"/>
        <source>every one of the {teams:d} escort team(s) is busy until the window closes</source>
        <translation>все группы сопровождения ({teams:d}) заняты до конца окна</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="205"/>
        <source>{idle:d} vehicle(s) stand unused: no further convoy fits the window through the checkpoint queues on the way ({busiest:busy})</source>
        <translation>машин без дела: {idle:d} — из-за очередей на блокпостах по пути (загруженность: {busiest:busy}) ни одна колонна больше не укладывается в окно</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="209"/>
        <source>{idle:d} vehicle(s) stand unused: no further convoy from where they stand fits the window</source>
        <translation>машин без дела: {idle:d} — с места, где они стоят, ни одна колонна больше не укладывается в окно</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="212"/>
        <source>every vehicle is busy until the window closes</source>
        <translation>весь транспорт занят до конца окна</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../../ui/window/guide.py" line="36"/>
        <source>evacplan — user guide</source>
        <translation>evacplan — руководство пользователя</translation>
    </message>
</context>
<context>
    <name>VariantsPanel</name>
    <message>
        <location filename="../../ui/panels/variants.py" line="63"/>
        <source>worker processes</source>
        <translation>отдельные процессы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="64"/>
        <source>this process</source>
        <translation>этот процесс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="68"/>
        <source>Run all (Shift+F5) to compare the variants with the base plan.</source>
        <translation>«Запустить все» (Shift+F5) — сравнить варианты с базовым планом.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="69"/>
        <source>New variant, or Open… a variants file; then run all (Shift+F5) to compare the variants with the base plan.</source>
        <translation>«Новый вариант» или «Открыть…» файл вариантов; затем «Запустить все» (Shift+F5), чтобы сравнить варианты с базовым планом.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="73"/>
        <source>Open a variants file with a sweep and run all (Shift+F5) to compare the variants with the base plan — the sweep&apos;s curve shows here.</source>
        <translation>Откройте файл вариантов с серией и запустите все (Shift+F5), чтобы сравнить варианты с базовым планом, — здесь появится кривая серии.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="178"/>
        <source>Every run of this sweep failed.</source>
        <translation>Все расчёты этой серии не удались.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="221"/>
        <source>demand {n}</source>
        <translation>потребность {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="271"/>
        <source>New variant</source>
        <translation>Новый вариант</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="272"/>
        <source>Record edits</source>
        <translation>Записывать изменения</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="274"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="275"/>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="276"/>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="280"/>
        <source>Run all</source>
        <translation>Запустить все</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="281"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="305"/>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="325"/>
        <source>Click a variant&apos;s column to show its routes on the map</source>
        <translation>Щёлкните столбец варианта, чтобы показать его маршруты на карте</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="336"/>
        <source>Comparison</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="346"/>
        <source>Sweep</source>
        <translation>Серия</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="388"/>
        <source>Variant {n}</source>
        <translation>Вариант {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="423"/>
        <source>{n} sweep(s): {names}</source>
        <translation>Серий: {n}: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="434"/>
        <source>{n} change(s)</source>
        <translation>Изменений: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="468"/>
        <source>Variant {name}: not valid JSON (line {line}: {msg})</source>
        <translation>Вариант {name}: некорректный JSON (строка {line}: {msg})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="477"/>
        <source>Variant {name}: {n} change(s)</source>
        <translation>Вариант {name}: изменений: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="488"/>
        <source>Recording edits into {name}: edit the map, then release Record edits.</source>
        <translation>Изменения записываются в {name}: измените карту, затем отпустите «Записывать изменения».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="502"/>
        <source>{n} change(s) recorded into {name}.</source>
        <translation>Записано изменений в {name}: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="504"/>
        <source>Left out: {items}</source>
        <translation>Пропущено: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="526"/>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="531"/>
        <source>Open variants</source>
        <translation>Открыть варианты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="531"/>
        <location filename="../../ui/panels/variants.py" line="537"/>
        <source>Variants (*.json)</source>
        <translation>Варианты (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="537"/>
        <source>Save variants</source>
        <translation>Сохранить варианты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="549"/>
        <source>The plan&apos;s road network is not loaded: import it first.</source>
        <translation>Дорожная сеть плана не загружена: сначала импортируйте её.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="552"/>
        <source>No variants yet: press New variant.</source>
        <translation>Вариантов пока нет: нажмите «Новый вариант».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="567"/>
        <source>What-if failed: {msg}</source>
        <translation>Расчёт «что, если» не удался: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="569"/>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="575"/>
        <source>Running…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="576"/>
        <source>Running the base and {n} variant(s)…</source>
        <translation>Рассчитываются базовый план и варианты ({n})…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="593"/>
        <source>{n} runs done.</source>
        <translation>Расчётов выполнено: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="697"/>
        <source>{name}: no route changes.</source>
        <translation>{name}: маршруты не изменились.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/variants.py" line="700"/>
        <source>Routes changed in {name}: {changes}</source>
        <translation>Изменённые маршруты в {name}: {changes}</translation>
    </message>
</context>
<context>
    <name>WhatIf</name>
    <message>
        <location filename="../../ui/messages.py" line="245"/>
        <source>Demand (people)</source>
        <translation>Потребность (чел.)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="246"/>
        <source>People out</source>
        <translation>Вывезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="247"/>
        <source>Upper bound</source>
        <translation>Верхняя граница</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="248"/>
        <source>Gap to bound (people)</source>
        <translation>Отрыв от границы (чел.)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="249"/>
        <source>Finish</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="250"/>
        <source>Convoys</source>
        <translation>Колонны</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="251"/>
        <source>Buses used</source>
        <translation>Задействовано машин</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="252"/>
        <source>Vehicles in plan</source>
        <translation>Машин в плане</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="253"/>
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="254"/>
        <source>Seat use</source>
        <translation>Заполнение мест</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="255"/>
        <source>Unserved: {reason}</source>
        <translation>Не вывезено: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="256"/>
        <source>{pickup} -&gt; {destination}: rerouted, {base_min:.1f} -&gt; {variant_min:.1f} min ({extra_min:+.1f} min)</source>
        <translation>{pickup} → {destination}: другой маршрут, {base_min:.1f} → {variant_min:.1f} мин ({extra_min:+.1f} мин)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="259"/>
        <source>{pickup} -&gt; {destination}: slower, {base_min:.1f} -&gt; {variant_min:.1f} min ({extra_min:+.1f} min)</source>
        <translation>{pickup} → {destination}: медленнее, {base_min:.1f} → {variant_min:.1f} мин ({extra_min:+.1f} мин)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="262"/>
        <source>{pickup} -&gt; {destination}: faster, {base_min:.1f} -&gt; {variant_min:.1f} min ({extra_min:+.1f} min)</source>
        <translation>{pickup} → {destination}: быстрее, {base_min:.1f} → {variant_min:.1f} мин ({extra_min:+.1f} мин)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="265"/>
        <source>{pickup} -&gt; {destination}: unreachable (was {base_min:.1f} min)</source>
        <translation>{pickup} → {destination}: недостижимо (было {base_min:.1f} мин)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="266"/>
        <source>{pickup} -&gt; {destination}: new, {variant_min:.1f} min</source>
        <translation>{pickup} → {destination}: новый маршрут, {variant_min:.1f} мин</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="267"/>
        <source>checkpoints {base} -&gt; {variant}</source>
        <translation>блокпосты {base} → {variant}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="268"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="269"/>
        <source>{d} min</source>
        <translation>{d} мин</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="270"/>
        <source>{name}: {label} = {value} or more moves everyone ({demand:d} people)</source>
        <translation>{name}: при {label} = {value} и больше вывозят всех ({demand:d} человек)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="273"/>
        <source>{name}: {label} = {value} or less moves everyone ({demand:d} people)</source>
        <translation>{name}: при {label} = {value} и меньше вывозят всех ({demand:d} человек)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="276"/>
        <source>{name}: every run failed</source>
        <translation>{name}: ни один расчёт не удался</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="277"/>
        <source>{name}: no value tried moves everyone; at best {best:d} of {demand:d} people</source>
        <translation>{name}: ни при одном из проверенных значений не вывозят всех; самое большее {best:d} из {demand:d} человек</translation>
    </message>
</context>
</TS>
